// Search response times over HTTP: /search is rendered per request, so each query is a full page.
import { checkInterrupted } from './children.mjs';
import { getOk } from './http.mjs';
import { median, percentile } from './stats.mjs';

// From the word lists of scripts/generate-corpus.mjs, from very common to absent.
export const SEARCH_QUERIES = [
  { kind: 'one character, common', q: '市' },
  { kind: 'one character, common', q: '新' },
  { kind: 'one character, rare', q: '渝' },
  { kind: 'one character, rare', q: '雄' },
  { kind: 'two characters, common', q: '人才' },
  { kind: 'two characters, common', q: '推进' },
  { kind: 'two characters, rare', q: '卫星' },
  { kind: 'two characters, rare', q: '非遗' },
  { kind: 'longer Chinese', q: '数字经济' },
  { kind: 'longer Chinese', q: '乡村振兴战略' },
  { kind: 'longer Chinese', q: '粤港澳大湾区' },
  { kind: 'phrase', q: '为高质量发展注入新动能' },
  { kind: 'phrase', q: '让更多人才了解这座城市' },
  { kind: 'two words', q: '重庆 英才大会' },
  { kind: 'two words', q: '人才 就业 政策' },
  { kind: 'Latin', q: 'NBA' },
  { kind: 'Latin', q: '5G' },
  { kind: 'mixed', q: '5G 卫星' },
  { kind: 'mixed', q: 'CBA 篮球' },
  { kind: 'miss', q: '量子纠缠' },
  { kind: 'miss', q: 'blockchain' },
];

const found = (html) => Number(/找到\s*(?:<!-- -->)?\s*(\d+)\s*(?:<!-- -->)?\s*篇/.exec(html)?.[1] ?? 0);

/** One untimed pass (warms the server's caches), then `rounds` timed passes over the set, one request at a time. */
export async function measureSearch(base, rounds) {
  const samples = [];
  const perQuery = SEARCH_QUERIES.map((query) => ({ ...query, ms: [], results: null }));
  for (let round = -1; round < rounds; round++) {
    for (const query of perQuery) {
      checkInterrupted();
      const res = await getOk(`${base}/search?q=${encodeURIComponent(query.q)}`);
      query.results ??= found(res.body);
      if (round >= 0) {
        query.ms.push(res.totalMs);
        samples.push(res.totalMs);
      }
    }
  }
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    queries: perQuery.map((query) => ({ ...query, median: median(query.ms) })),
  };
}
