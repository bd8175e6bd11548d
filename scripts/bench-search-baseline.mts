// For scripts/bench-search.mjs: the baselines, each in its own process (run with --expose-gc).
// Prints one JSON line.
//   minisearch TEXTS today   MiniSearch as the server builds it today: the first 600 characters of
//                            the body for the newest 10,000 articles, titles and labels for the rest.
//   minisearch TEXTS full    MiniSearch with whole bodies (what the issue asks, in the heap).
//   scan TEXTS               the texts kept as strings and scanned with String.includes.
import fs from 'node:fs';
import { findHits } from './bench-search/minisearch-hits';
import { createSearchIndex, searchDocument } from './bench-search/minisearch-index';
import { hitSnippet } from '../lib/search/snippet';
import { normalizeText, queryTerms } from '../lib/search/tokenize';
import { timeQueries } from './bench-search-queries.mjs';

type Doc = { id: number; title: string; labels: string; excerpt: string; text: string; dateMs: number; draft: boolean };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// Published articles, newest first, as the content index lists them.
const readDocs = (file: string): Doc[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Doc)
    .filter((doc) => !doc.draft)
    .sort((a, b) => b.dateMs - a.dateMs);

function minisearch(docs: Doc[], full: boolean) {
  const before = heapUsed();
  const start = performance.now();
  const index = createSearchIndex();
  docs.forEach((doc, i) => {
    const body = full ? doc.text : i < 10_000 ? doc.text.slice(0, 600) : '';
    const summary = {
      title: doc.title,
      categories: [],
      tags: [doc.labels],
      excerpt: i < 10_000 || full ? doc.excerpt : '',
    };
    index.add(searchDocument(i, summary, body));
  });
  const buildMs = performance.now() - start;
  const heapBytes = heapUsed() - before;
  // The first page as searchArticles makes it: hits ranked, snippets from the indexed start of the
  // body (searchArticles reads and renders it from the file again; not counted here).
  const page = (q: string) => {
    const terms = queryTerms(q);
    const hits = findHits([index], terms)[0]!;
    for (const { id } of hits.slice(0, 20)) hitSnippet(docs[id]!.text.slice(0, 600), docs[id]!.excerpt, terms);
    return hits.length;
  };
  return { buildMs, heapBytes, ...timeQueries(page) };
}

function scan(docs: Doc[]) {
  const before = heapUsed();
  const texts = docs.map((doc) => normalizeText([doc.title, doc.labels, doc.excerpt, doc.text].join('\n')));
  const heapBytes = heapUsed() - before;
  return {
    heapBytes,
    ...timeQueries((q: string) => {
      const words = normalizeText(q).split(/\s+/);
      return texts.filter((text) => words.every((word) => text.includes(word))).length;
    }),
  };
}

const [mode, file, variant] = process.argv.slice(2) as [string, string, string?];
const docs = readDocs(file);
const result = mode === 'scan' ? scan(docs) : minisearch(docs, variant === 'full');
console.log(JSON.stringify({ ...result, rssBytes: process.memoryUsage().rss }));
