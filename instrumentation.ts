/**
 * Starts reading the content folder as soon as a server process boots, so the first reader of a
 * page that was not prerendered does not wait for the whole index (seconds at 100,000 articles),
 * then builds the search index, so the first search does not wait for it either.
 * Problems are logged once, when first found (maybe by the build): the server says how many remain.
 * It also says which Hexo `_config.yml` its settings came from.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Here, not where the configuration is read: every build worker reads it too, and this runs once per server.
  const { configLog } = await import('./lib/config');
  for (const line of configLog) console.log(line);
  const { getIndex } = await import('./lib/content/store');
  const { searchIndexOf } = await import('./lib/search/search-index-of');
  getIndex().then(
    ({ articles, drafts, problems }) => {
      // The search index takes seconds to build on a large site: build it now, not on the first search.
      searchIndexOf(articles).catch(() => {});
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.filter((p) => p.severity === 'warning').length;
      console.log(
        `[content] ${articles.length} article(s) and ${drafts.length} draft(s); ${errors} error(s) and ${warnings} warning(s) in the content${
          errors + warnings > 0 ? ' (`npm run check:content` lists them)' : ''
        }.`,
      );
    },
    // A failure is reported by the page that needs the index; here it must not stop the server.
    () => {},
  );
}
