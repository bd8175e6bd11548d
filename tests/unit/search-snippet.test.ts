import { describe, expect, test } from 'vitest';
import { makeSnippet } from '@/lib/search/snippet';
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
});
