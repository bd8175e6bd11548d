// Checks the sitemap of a large site: generates a synthetic corpus (default 120,000 articles,
// scripts/generate-corpus.mjs), indexes it as the server does, and checks that the sitemap
// functions split it into an index and sitemaps of at most 50,000 URLs each that list every page
// once, in order, and that a strict XML parser reads.
//
// Usage: npm run check:sitemap-split -- [N]
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sitemapSourceOf } from '../lib/content/sitemap-source';
import { indexFolder } from '../lib/content/sync/index-folder';
import { DEFAULT_PERMALINK, parsePermalinkPattern } from '../lib/permalink-pattern';
import { sitemapEntries, sitemapPartPath, splitSitemap, SITEMAP_LIMIT } from '../lib/sitemap/sitemap-entries';
import { sitemapIndexXml, sitemapXml } from '../lib/sitemap/sitemap-xml';
import { childrenNamed, childText, parseXmlStrict } from '../tests/strict-xml';

const SITE = 'https://news.example';
const count = Number(process.argv[2] ?? 120_000);

function check(ok: boolean, message: string) {
  if (!ok) throw new Error(`check failed: ${message}`);
  console.log(`ok: ${message}`);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'sitemap-corpus-'));
try {
  let started = performance.now();
  execFileSync(process.execPath, [path.join(import.meta.dirname, 'generate-corpus.mjs'), dir, String(count)], {
    stdio: 'ignore',
  });
  console.log(`generated ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const pattern = parsePermalinkPattern(DEFAULT_PERMALINK);
  if (!pattern.ok) throw new Error(pattern.reason);
  const settings = { timeZone: 'Asia/Shanghai', permalinkPattern: pattern.pattern };
  const { db } = await indexFolder(dir, path.join(dir, '.index', 'index.db'), settings);
  const source = sitemapSourceOf(db);
  console.log(`indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  check(source.articles.length === count, `${source.articles.length} published articles indexed`);

  started = performance.now();
  const entries = sitemapEntries(source, SITE);
  const parts = splitSitemap(entries);
  const listed = 3 + source.categoryChanged.size + source.tags.size + count;
  check(entries.length === listed, `${entries.length} URLs: home, 2 indexes, categories, tags and articles`);
  check(new Set(entries.map((e) => e.url)).size === entries.length, 'every URL once');
  check(parts.length === Math.ceil(listed / SITEMAP_LIMIT), `${parts.length} sitemaps`);
  check(
    parts.every((p, i) => p.length === (i < parts.length - 1 ? SITEMAP_LIMIT : listed - SITEMAP_LIMIT * i)),
    `each of at most ${SITEMAP_LIMIT} URLs: ${parts.map((p) => p.length).join(', ')}`,
  );

  const indexXml = sitemapIndexXml(parts.map((_, i) => ({ url: `${SITE}${sitemapPartPath(i)}` })));
  const locs = childrenNamed(parseXmlStrict(indexXml), 'sitemap').map((s) => childText(s, 'loc'));
  check(locs.join() === parts.map((_, i) => `${SITE}/sitemap/${i}.xml`).join(), `index lists ${locs.join(', ')}`);
  let position = 0;
  for (const [i, part] of parts.entries()) {
    const xml = sitemapXml(part);
    const urls = childrenNamed(parseXmlStrict(xml), 'url').map((u) => childText(u, 'loc'));
    const expected = entries.slice(position, (position += part.length)).map((e) => e.url);
    check(
      urls.join('\n') === expected.join('\n'),
      `sitemap ${i}: ${urls.length} URLs in order, ${(xml.length / 1e6).toFixed(1)} MB`,
    );
  }
  console.log(`sitemaps built and parsed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
