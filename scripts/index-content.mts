// `npm run build`, before `next build`: brings the content index up to date (only changed files
// are read), so that the file exists when Next.js traces what the standalone server and serverless
// functions need, and the build's workers find it ready.
import { indexFile, indexForBuild } from '../lib/content/store';

const started = performance.now();
// Silent: `next build`, which follows, logs the folder's problems once, through the ledger its
// workers share (lib/content/report.ts), which this process has no part in.
const db = await indexForBuild({ report: false });
const { n } = db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number };
db.close();
console.log(
  `index-content: ${n} article(s) in ${indexFile()} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
