/**
 * A server process opens the content index as it boots (the build made it; opening it is
 * instant), catches up with any change made to the content folder since, and keeps following the
 * folder (see lib/content/live). Problems are logged once, when first found: the server says how
 * many remain. It also says which Hexo `_config.yml` its settings came from, and records each
 * request's socket address for the secrets' rate limit (lib/client-address.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { recordPeerAddresses } = await import('./lib/client-address');
  recordPeerAddresses();
  // Here, not where the configuration is read: every build worker reads it too, and this runs once per server.
  const { configLog } = await import('./lib/config');
  for (const line of configLog) console.log(line);
  const { startLiveContent } = await import('./lib/content/live/live-content');
  const { contentStatus } = await import('./lib/content/status');
  startLiveContent()
    .then(contentStatus)
    .then(
      ({ articles, drafts, errors, warnings }) =>
        console.log(
          `[content] ${articles} article(s) and ${drafts} draft(s); ${errors} error(s) and ${warnings} warning(s) in the content${
            errors + warnings > 0 ? ' (`npm run check:content` lists them)' : ''
          }.`,
        ),
      // A failure is reported by the page that needs the index; here it must not stop the server.
      () => {},
    );
}
