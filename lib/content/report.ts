import type { ContentIndex } from './build-index';

/** Logs each problem once per index build, with the file and the reason, for the server and build log. */
export function reportProblems(index: ContentIndex): void {
  const errors = index.problems.filter((p) => p.severity === 'error');
  const warnings = index.problems.filter((p) => p.severity === 'warning');
  for (const p of errors) console.error(`[content] error: ${p.file}: ${p.reason}`);
  for (const p of warnings) console.warn(`[content] warning: ${p.file}: ${p.reason}`);
  if (errors.length > 0) {
    console.error(`[content] ${errors.length} file(s) skipped or degraded; the other ${index.articles.length + index.drafts.length} article(s) are served.`);
  }
}
