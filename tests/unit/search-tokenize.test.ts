import { describe, expect, test } from 'vitest';
import { isSingleCjk, queryTerms, tokenize } from '@/lib/search/tokenize';

describe('tokenize', () => {
  test('a Chinese run becomes overlapping bigrams and its last character', () => {
    expect(tokenize('重庆英才大会')).toEqual(['重庆', '庆英', '英才', '才大', '大会', '会']);
  });

  test('a one-character run is that character', () => {
    expect(tokenize('人')).toEqual(['人']);
    expect(tokenize('人，才')).toEqual(['人', '才']);
  });

  test('Latin words are lower-cased whole words', () => {
    expect(tokenize('Hello, World! Next.js')).toEqual(['hello', 'world', 'next', 'js']);
  });

  test('numbers are whole terms, and so are words with digits', () => {
    expect(tokenize('3.14 COVID-19 mp3 2021')).toEqual(['3', '14', 'covid', '19', 'mp3', '2021']);
  });

  test('mixed text splits where the script changes', () => {
    expect(tokenize('2021重庆英才大会Expo')).toEqual(['2021', '重庆', '庆英', '英才', '才大', '大会', '会', 'expo']);
  });

  test('punctuation and symbols separate terms and are dropped', () => {
    expect(tokenize('人才、政策。“重庆”！')).toEqual(['人才', '才', '政策', '策', '重庆', '庆']);
    expect(tokenize('.*+?^${}()|[]\\ <>&;')).toEqual([]);
  });

  test('emoji are dropped', () => {
    expect(tokenize('😀🎉👍🏽')).toEqual([]);
    expect(tokenize('火锅🔥节')).toEqual(['火锅', '锅', '节']);
  });

  test('full-width letters and digits fold to ASCII (NFKC)', () => {
    expect(tokenize('ＡＢＣ１２３ Ｎｅｗｓ')).toEqual(['abc123', 'news']);
  });

  test('characters outside the Basic Multilingual Plane stay whole', () => {
    expect(tokenize('𠀀𠀁')).toEqual(['𠀀𠀁', '𠀁']);
  });

  test('markup is text like any other', () => {
    expect(tokenize('<script>alert(1)</script>')).toEqual(['script', 'alert', '1', 'script']);
  });
});

describe('queryTerms', () => {
  test('drops repeats and the trailing character the bigrams already require', () => {
    expect(queryTerms('人才人才')).toEqual(['人才', '才人']);
    expect(queryTerms('重庆 人才')).toEqual(['重庆', '人才']);
  });

  test('keeps a one-character run', () => {
    expect(queryTerms('重庆 才')).toEqual(['重庆', '才']);
    expect(queryTerms('才')).toEqual(['才']);
  });

  test('isSingleCjk tells a one-character Chinese term', () => {
    expect([isSingleCjk('才'), isSingleCjk('人才'), isSingleCjk('a'), isSingleCjk('1')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
