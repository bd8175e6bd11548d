import { describe, expect, test } from 'vitest';
import {
  createSearchSchema,
  deferSearchMerges,
  deleteSearchDocument,
  NEAR_MISS_MATCHES,
  optimizeSearchIndex,
  prepareSearchDocument,
  putSearchDocument,
  putSearchDocuments,
  RANKED_MATCHES,
} from '@/lib/search/fts';
import { ids, search, searchDbOf, searchDoc } from './search-db';

describe('FTS5 search: every word of a body', () => {
  test('a two-character word anywhere in a long body is found, with its snippet', () => {
    const filler = '今天天气很好，大家都出门了。'.repeat(400);
    const db = searchDbOf([
      { title: '甲', text: `${filler}微软发布了新产品。${filler}` },
      { title: '乙', text: `${filler}人才` },
      { title: '丙', text: filler },
    ]);
    expect(ids(db, '微软')).toEqual([0]);
    expect(ids(db, '人才')).toEqual([1]);
    expect(search(db, '微软')?.hits[0]?.snippet).toEqual([
      { text: '…', mark: false },
      { text: '了。今天天气很好，大家都出门了。今天天气很好，大家都出门了。', mark: false },
      { text: '微软', mark: true },
      { text: '发布了新产品。' + filler.slice(0, 81), mark: false },
      { text: '…', mark: false },
    ]);
    expect(search(db, '人才')?.hits[0]?.snippet?.at(-1)).toEqual({ text: '人才', mark: true });
  });

  test('the snippet falls back to the excerpt, marked where it matches, then to the excerpt as is', () => {
    const db = searchDbOf([
      { title: '人才', excerpt: '关于人才的描述', text: '正文。' },
      { title: '人才', excerpt: '一段描述', text: '' },
      { title: '人才' },
    ]);
    const hits = search(db, '人才')?.hits.sort((a, b) => a.id - b.id);
    expect(hits?.map((hit) => hit.snippet)).toEqual([
      [
        { text: '关于', mark: false },
        { text: '人才', mark: true },
        { text: '的描述', mark: false },
      ],
      [{ text: '一段描述', mark: false }],
      null,
    ]);
  });
});

describe('FTS5 search: updates', () => {
  test('a replaced document matches its new text only; a deleted one nothing', () => {
    const db = searchDbOf([
      { title: '甲', text: '旧的文字说到人才。' },
      { title: '乙', text: '人才' },
    ]);
    putSearchDocument(db, 0, searchDoc({ title: '甲', text: '新的文字说到微软。' }));
    expect(ids(db, '人才')).toEqual([1]);
    expect(ids(db, '旧的')).toEqual([]);
    expect(ids(db, '微软')).toEqual([0]);
    deleteSearchDocument(db, 0);
    expect(ids(db, '微软')).toEqual([]);
    expect(search(db, '甲')?.total).toBe(0);
    deleteSearchDocument(db, 0);
    deleteSearchDocument(db, 42);
    expect(ids(db, '人才')).toEqual([1]);
  });

  test('in a batch, the last version of an id wins', () => {
    const db = searchDbOf([]);
    putSearchDocuments(db, [
      { id: 7, doc: searchDoc({ title: '旧闻' }) },
      { id: 7, doc: searchDoc({ title: '天气' }) },
    ]);
    expect([ids(db, '旧闻'), ids(db, '天气')]).toEqual([[], [7]]);
  });

  test('a changed date moves a document in the recency order', () => {
    const db = searchDbOf([{ title: '人才政策' }, { title: '人才政策' }]);
    expect(ids(db, '人才政策')).toEqual([0, 1]);
    putSearchDocument(db, 1, searchDoc({ title: '人才政策' }, Date.UTC(2030, 0, 1)));
    expect(ids(db, '人才政策')).toEqual([1, 0]);
  });

  test('drafts are found only with drafts, and a published draft is found', () => {
    const db = searchDbOf([{ title: '人才计划' }]);
    putSearchDocument(db, 1, { ...searchDoc({ title: '草稿人才计划' }), draft: true });
    expect(ids(db, '人才计划')).toEqual([0]);
    expect(ids(db, '草稿')).toEqual([]);
    expect(ids(db, '人才计划', { withDrafts: true })?.sort()).toEqual([0, 1]);
    putSearchDocument(db, 1, searchDoc({ title: '草稿人才计划' }));
    expect(ids(db, '草稿')).toEqual([1]);
    putSearchDocument(db, 0, { ...searchDoc({ title: '人才计划' }), draft: true });
    expect(ids(db, '人才计划')).toEqual([1]);
    expect(search(db, '人才计划')?.total).toBe(1);
  });

  test('many documents of the same minute all get a place', () => {
    const db = searchDbOf([]);
    putSearchDocuments(
      db,
      Array.from({ length: 100 }, (_, id) => ({ id, doc: searchDoc({ title: '同一分钟' }) })),
    );
    putSearchDocument(db, 5, searchDoc({ title: '同一分钟' }));
    expect(
      search(db, '同一分钟', { pageSize: 200 })
        ?.hits.map((hit) => hit.id)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 100 }, (_, id) => id));
  });

  test('creating the schema again keeps the index; optimizing it changes no result', () => {
    const db = searchDbOf([{ title: '人才政策' }, { title: '天气' }, { title: '人才' }]);
    putSearchDocument(db, 1, searchDoc({ title: '人才天气' }));
    deleteSearchDocument(db, 2);
    createSearchSchema(db);
    const results = () => ['人才', '天气', '才'].map((q) => ids(db, q)?.sort());
    const before = results();
    optimizeSearchIndex(db);
    expect(results()).toEqual(before);
    expect(before).toEqual([[0, 1], [1], [0, 1]]);
  });

  test('a bulk load defers merging to optimizeSearchIndex, which turns it back on', () => {
    const db = searchDbOf([]);
    const automerge = () => db.prepare(`SELECT v FROM search_index_config WHERE k = 'automerge'`).get()?.v;
    deferSearchMerges(db);
    expect(automerge()).toBe(0);
    putSearchDocuments(
      db,
      Array.from({ length: 50 }, (_, id) => ({ id, doc: searchDoc({ title: `人才${id}` }) })),
    );
    optimizeSearchIndex(db);
    expect(automerge()).toBe(4);
    expect(search(db, '人才')?.total).toBe(50);
  });

  test('an id or date that is not a number is refused', () => {
    expect(() => prepareSearchDocument(1.5, searchDoc({ title: 'x' }))).toThrow(/id must be an integer/);
    expect(() => prepareSearchDocument(1, searchDoc({ title: 'x' }, Number.NaN))).toThrow(/no valid date/);
  });
});

describe('FTS5 search: pages', () => {
  test('pages of a result, an empty first page, no page past the last', () => {
    const db = searchDbOf(Array.from({ length: 25 }, () => ({ title: '人才' })));
    expect(search(db, '人才', { page: 3 })).toEqual({ total: 25, atLeast: false, hits: expect.any(Array) });
    expect(search(db, '人才', { page: 3 })?.hits.map((hit) => hit.id)).toEqual([20, 21, 22, 23, 24]);
    expect(search(db, '人才', { page: 4 })).toBeNull();
    expect(search(db, '微软')).toEqual({ total: 0, atLeast: false, hits: [] });
    expect(search(db, '微软', { page: 2 })).toBeNull();
    for (const page of [0, -1, 1.5, Number.NaN]) expect(search(db, '人才', { page })).toBeNull();
    expect(search(db, '人才', { pageSize: 0 })).toBeNull();
  });

  test(`near misses: the newest ${NEAR_MISS_MATCHES} at most, said to be a lower bound`, () => {
    const db = searchDbOf(Array.from({ length: NEAR_MISS_MATCHES + 5 }, () => ({ title: '英才大会' })));
    expect(search(db, '英才大会论坛')).toMatchObject({ total: NEAR_MISS_MATCHES, atLeast: true });
    expect(ids(db, '英才大会论坛', { page: NEAR_MISS_MATCHES / 10 })?.at(-1)).toBe(NEAR_MISS_MATCHES - 1);
    expect(search(db, '英才大会论坛', { page: NEAR_MISS_MATCHES / 10 + 1 })).toBeNull();
  });

  test('near misses have pages past the first', () => {
    const db = searchDbOf(Array.from({ length: 25 }, () => ({ title: '英才大会' })));
    expect(search(db, '英才大会论坛')).toMatchObject({ total: 25, atLeast: false });
    expect(ids(db, '英才大会论坛', { page: 3 })).toEqual([20, 21, 22, 23, 24]);
    expect(search(db, '英才大会论坛', { page: 4 })).toBeNull();
  });

  test(`the newest ${RANKED_MATCHES} matches are listed, ranked, and no more: the total is a lower bound`, () => {
    // The oldest 15 say 人才 three times: ranked, they would come first.
    const db = searchDbOf(
      Array.from({ length: RANKED_MATCHES + 15 }, (_, id) => ({
        title: id < RANKED_MATCHES ? '人才' : '人才人才人才',
      })),
    );
    expect(search(db, '人才')).toMatchObject({ total: RANKED_MATCHES, atLeast: true });
    expect(ids(db, '人才')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ids(db, '人才', { page: RANKED_MATCHES / 10 })).toEqual(
      Array.from({ length: 10 }, (_, i) => RANKED_MATCHES - 10 + i),
    );
    expect(search(db, '人才', { page: RANKED_MATCHES / 10 + 1 })).toBeNull();
    // Exactly as many as are listed: the count is exact, and still said to be a lower bound.
    for (let id = RANKED_MATCHES; id < RANKED_MATCHES + 15; id++) deleteSearchDocument(db, id);
    expect(search(db, '人才')).toMatchObject({ total: RANKED_MATCHES, atLeast: true });
    deleteSearchDocument(db, 0);
    expect(search(db, '人才')).toMatchObject({ total: RANKED_MATCHES - 1, atLeast: false });
  }, 60_000);
});
