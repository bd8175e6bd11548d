import { describe, expect, test } from 'vitest';
import { ids, searchDbOf } from './search-db';

// The behaviour of tests/unit/search-ranking.test.ts (MiniSearch), held by the FTS5 engine.
describe('FTS5 search ranking', () => {
  test('finds 人才 inside 英才大会人才政策, and not in an article without it', () => {
    const db = searchDbOf([{ title: '天气预报', text: '明天多云。' }, { title: '重庆英才大会人才政策' }]);
    expect(ids(db, '人才')).toEqual([1]);
  });

  test('a one-character query finds the character anywhere in a run', () => {
    const db = searchDbOf([{ title: '人才' }, { title: '才能' }, { title: '天才少年' }, { title: '天气' }]);
    expect(ids(db, '才')?.sort()).toEqual([0, 1, 2]);
  });

  test('in a query of more than three terms, a single character is matched as itself', () => {
    const db = searchDbOf([{ title: '甲乙 丙丁 戊己 才' }, { title: '甲乙 丙丁 戊己 才能' }]);
    expect(ids(db, '甲乙 丙丁 戊己 才')).toEqual([0]);
    expect(ids(db, '甲乙 丙丁 才')).toEqual([0, 1]);
  });

  test('a title match ranks above a body match', () => {
    const db = searchDbOf([
      { title: '天气预报', text: '今年的人才政策有了新变化。' },
      { title: '人才政策发布', text: '今年有了新变化。' },
    ]);
    expect(ids(db, '人才政策')).toEqual([1, 0]);
  });

  test('a body saying a word more often ranks above one saying it once', () => {
    const db = searchDbOf([
      { title: '甲', text: '人才来了。今天天气很好，大家都出门了。' },
      { title: '乙', text: '人才来了，人才留下，人才扎根。今天天气。' },
    ]);
    expect(ids(db, '人才')).toEqual([1, 0]);
  });

  test('labels rank between title and body', () => {
    const db = searchDbOf([{ title: '甲', text: '火锅节开幕。' }, { title: '乙', tags: ['火锅'] }, { title: '火锅' }]);
    expect(ids(db, '火锅')).toEqual([2, 1, 0]);
  });

  test('the newer of two equal matches comes first', () => {
    const db = searchDbOf([{ title: '人才政策' }, { title: '人才政策' }, { title: '人才政策' }]);
    expect(ids(db, '人才政策')).toEqual([0, 1, 2]);
  });

  test('AND: an article with the whole phrase, not one sharing a bigram', () => {
    const db = searchDbOf([{ title: '重庆大会' }, { title: '英才大会' }, { title: '英才培养' }]);
    expect(ids(db, '英才大会')).toEqual([1]);
  });

  test('when no article has every term, those with most of them are found, best first', () => {
    const db = searchDbOf([{ title: '英才大会' }, { title: '才大会论坛' }, { title: '英才论坛' }]);
    // 英才大会论坛 is nowhere. Of its 5 bigrams, 才大会论坛 has 4 and 英才大会 3; 英才论坛 has 2, too few.
    expect(ids(db, '英才大会论坛')).toEqual([1, 0]);
    expect(ids(db, '英才大会论坛')).toHaveLength(2);
  });

  test('no near misses for a query of more than six terms', () => {
    const db = searchDbOf([{ title: '一二三四五六七八' }]);
    // 一二三四五六七九: 7 bigrams, 6 of them in the title, but the last is not.
    expect(ids(db, '一二三四五六七九')).toEqual([]);
    expect(ids(db, '二三四五六七九')).toEqual([0]);
  });

  test('English words match case-insensitively, whole words only', () => {
    const db = searchDbOf([{ title: 'Next.js Conference' }, { title: 'nextjs' }, { title: 'The NEXT step' }]);
    expect(ids(db, 'NEXT')?.sort()).toEqual([0, 2]);
    expect(ids(db, 'conference')).toEqual([0]);
    expect(ids(db, 'ｎｅｘｔ')?.sort()).toEqual([0, 2]);
  });

  test('a token is one FTS5 term: marks and accents stay in their words, as the tokenizer has them', () => {
    const db = searchDbOf([{ title: 'हिन्दी समाचार' }, { title: 'Café crème' }, { title: 'cafe' }]);
    expect(ids(db, 'हिन्दी')).toEqual([0]);
    // A letter between two marks is no word of its own (FTS5's unicode61 tokenizer would split there).
    expect(ids(db, 'न')).toEqual([]);
    // Accents are not folded (unicode61 would, by default).
    expect(ids(db, 'café')).toEqual([1]);
    expect(ids(db, 'cafe')).toEqual([2]);
  });

  test('numbers and words with digits are whole terms', () => {
    const db = searchDbOf([{ title: 'COVID-19 在 2021 年' }, { title: '第 190 号' }, { title: 'mp3 播放器' }]);
    expect(ids(db, '19')).toEqual([0]);
    expect(ids(db, '2021')).toEqual([0]);
    expect(ids(db, 'MP3')).toEqual([2]);
    expect(ids(db, '１９')).toEqual([0]);
  });

  test('mixed Chinese and Latin queries need every part', () => {
    const db = searchDbOf([{ title: '2021重庆英才大会Expo' }, { title: '重庆英才大会' }, { title: 'Expo 2021' }]);
    expect(ids(db, '2021 英才 expo')).toEqual([0]);
    expect(ids(db, '重庆expo')).toEqual([0]);
  });

  test('tags and categories are searched', () => {
    const db = searchDbOf([
      { title: '甲', tags: ['火锅'] },
      { title: '乙', categories: [['生活', '美食']] },
    ]);
    expect(ids(db, '火锅')).toEqual([0]);
    expect(ids(db, '美食')).toEqual([1]);
  });

  test('a front-matter excerpt is searched; one cut from the body is not counted twice', () => {
    const db = searchDbOf([
      { title: '甲', excerpt: '关于人才的描述', text: '正文没有那个词。' },
      { title: '乙', excerpt: '正文说人才…', text: '正文说人才，还说了别的。' },
    ]);
    expect(ids(db, '描述')).toEqual([0]);
    expect(ids(db, '人才')?.sort()).toEqual([0, 1]);
  });
});
