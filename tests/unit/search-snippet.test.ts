import { describe, expect, test, vi } from 'vitest';
import { hitSnippet, makeSnippet, SEARCHED_CHUNK } from '@/lib/search/snippet';
import { queryTerms } from '@/lib/search/tokenize';

const snippet = (text: string, query: string, length?: number) => makeSnippet(text, queryTerms(query), length);

describe('makeSnippet', () => {
  test('marks a Chinese phrase as one part', () => {
    expect(snippet('重庆英才大会人才政策', '人才政策')).toEqual([
      { text: '重庆英才大会', mark: false },
      { text: '人才政策', mark: true },
    ]);
  });

  test('marks every occurrence and every term', () => {
    expect(snippet('人才与人才，重庆', '人才 重庆')).toEqual([
      { text: '人才', mark: true },
      { text: '与', mark: false },
      { text: '人才', mark: true },
      { text: '，', mark: false },
      { text: '重庆', mark: true },
    ]);
  });

  test('cuts around the first match with ellipses, keeping the original characters', () => {
    const text = `${'甲'.repeat(50)}ＡＢＣ${'乙'.repeat(50)}`;
    expect(snippet(text, 'abc', 20)).toEqual([
      { text: '…', mark: false },
      { text: '甲'.repeat(5), mark: false },
      { text: 'ＡＢＣ', mark: true },
      { text: '乙'.repeat(12), mark: false },
      { text: '…', mark: false },
    ]);
  });

  test('Latin terms match whole words, case-insensitively', () => {
    expect(snippet('Next.js and nextjs and NEXT', 'next')).toEqual([
      { text: 'Next', mark: true },
      { text: '.js and nextjs and ', mark: false },
      { text: 'NEXT', mark: true },
    ]);
  });

  test('markup in the text is returned as text, for React to escape', () => {
    expect(snippet('危险：<script>alert(1)</script>', 'alert')).toEqual([
      { text: '危险：<script>', mark: false },
      { text: 'alert', mark: true },
      { text: '(1)</script>', mark: false },
    ]);
  });

  test('null when no term occurs', () => {
    expect(snippet('天气预报', '人才')).toBeNull();
    expect(makeSnippet('天气预报', [])).toBeNull();
  });

  test('a match across the edge of a searched chunk is found and marked whole', () => {
    const before = '天'.repeat(SEARCHED_CHUNK - 1);
    expect(snippet(`${before}人才${'地'.repeat(200)}`, '人才', 20)?.slice(1, 4)).toEqual([
      { text: '天'.repeat(5), mark: false },
      { text: '人才', mark: true },
      { text: '地'.repeat(13), mark: false },
    ]);
    // A word that runs across the edge is one word: no match for its first part.
    expect(snippet(`${'天'.repeat(SEARCHED_CHUNK - 2)}nextjs next`, 'next', 12)).toEqual([
      { text: '…', mark: false },
      { text: '天nextjs ', mark: false },
      { text: 'next', mark: true },
    ]);
  });

  test('characters of two UTF-16 units at a chunk edge are never split', () => {
    const text = `${'𠀀'.repeat(SEARCHED_CHUNK / 2 + 1)}人才`;
    expect(snippet(text, '人才', 6)).toEqual([
      { text: '…', mark: false },
      { text: '𠀀𠀀𠀀𠀀', mark: false },
      { text: '人才', mark: true },
    ]);
  });

  test('combining marks and full-width letters far into a text are matched as the index folds them', () => {
    const far = '天'.repeat(3 * SEARCHED_CHUNK);
    // Ｃａｆｅ folds to cafe, but the accent after it makes it another word.
    expect(snippet(`${far}Ｃａｆｅ\u0301 ＣＡＦＥ`, 'cafe', 10)).toEqual([
      { text: '…', mark: false },
      { text: 'Ｃａｆｅ\u0301 ', mark: false },
      { text: 'ＣＡＦＥ', mark: true },
    ]);
  });

  test('a match at the end of a long body is found without folding the body a character at a time', () => {
    // Folding a character at a time took seconds for a body of a million characters.
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      const text = `${'今天天气很好，大家都出门了。'.repeat(20_000)}微软`;
      expect(snippet(text, '微软')?.at(-1)).toEqual({ text: '微软', mark: true });
      expect(normalize.mock.calls.length).toBeLessThan(text.length / 100);
    } finally {
      normalize.mockRestore();
    }
  });

  test('hitSnippet: the text, else the excerpt, else the excerpt unmarked, else nothing', () => {
    const terms = queryTerms('人才');
    expect(hitSnippet('说到人才', '摘要', terms)?.[1]).toEqual({ text: '人才', mark: true });
    expect(hitSnippet('正文', '摘要说人才', terms)?.[1]).toEqual({ text: '人才', mark: true });
    expect(hitSnippet('正文', '摘要', terms)).toEqual([{ text: '摘要', mark: false }]);
    expect(hitSnippet('正文', '', terms)).toBeNull();
  });
});
