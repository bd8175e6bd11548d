// One measurement for scripts/bench-search.mjs: builds the search index of a content folder and
// times queries against it and against a naive scan. Run with --expose-gc; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { buildIndex } from '../lib/content/build-index';
import { forEachBodyText } from '../lib/content/body-text';
import { findHits } from '../lib/search/find-hits';
import { INDEXED_BODY_CHARS, searchIndexOf } from '../lib/search/search-index-of';
import { normalizeText, queryTerms } from '../lib/search/tokenize';

const QUERIES = [
  '人才',
  '重庆',
  '乡村振兴',
  '新能源汽车',
  '长江经济带',
  '人工智能大模型',
  '才',
  'NBA',
  'cba 5g',
  'chongqing',
];
const REPEATS = 5;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const timeEach = (run: (query: string) => unknown) =>
  median(
    QUERIES.flatMap((query) =>
      Array.from({ length: REPEATS }, () => {
        const start = performance.now();
        run(query);
        return performance.now() - start;
      }),
    ),
  );

const { articles } = await buildIndex(process.argv[2]);
const before = heapUsed();
let start = performance.now();
const index = await searchIndexOf(articles);
const buildMs = performance.now() - start;
const indexBytes = heapUsed() - before;
const searchMs = timeEach((query) => findHits([index], queryTerms(query)));

// The baseline: the same texts, normalized as the index sees them, scanned for every query word.
const texts: string[] = new Array(articles.length);
start = performance.now();
await forEachBodyText(articles, INDEXED_BODY_CHARS, (body, i) => {
  const a = articles[i]!;
  texts[i] = normalizeText(
    [a.title, a.categories.flat().join(' '), a.tags.join(' '), a.author, a.excerpt, body].join('\n'),
  );
});
const readTextsMs = performance.now() - start;
const textBytes = heapUsed() - before - indexBytes;
const scanMs = timeEach((query) => {
  const words = normalizeText(query).split(/\s+/);
  return texts.filter((text) => words.every((word) => text.includes(word)));
});
const hits = Object.fromEntries(QUERIES.map((q) => [q, findHits([index], queryTerms(q))[0]!.length]));

console.log(
  JSON.stringify({ articles: articles.length, buildMs, readTextsMs, indexBytes, textBytes, searchMs, scanMs, hits }),
);
