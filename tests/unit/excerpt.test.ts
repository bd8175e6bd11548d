import { describe, expect, test } from 'vitest';
import { beforeMore, cutAtSentence, EXCERPT_LENGTH, makeExcerpt } from '@/lib/content/excerpt';
import { htmlToText } from '@/lib/content/plain-text';

describe('makeExcerpt', () => {
  test('the front-matter excerpt wins over the body', () => {
    expect(makeExcerpt('写在前面的摘要。', '<p>正文内容。</p>')).toBe('写在前面的摘要。');
  });

  test('a long front-matter excerpt is allowed twice the usual length', () => {
    const text = '字'.repeat(300);
    expect(makeExcerpt(text, '')).toBe(`${'字'.repeat(EXCERPT_LENGTH * 2)}…`);
  });

  test('the body text: paragraphs are separated by a space', () => {
    expect(makeExcerpt(undefined, '<p>第一段。</p>\n<p>第二段。</p>')).toBe('第一段。 第二段。');
  });

  // Every tag becomes a space, so inline markup puts spaces inside Chinese sentences ("第二段， 加粗 。").
  test('inline tags (strong, a) add no space inside a sentence', () => {
    expect(makeExcerpt(undefined, '<p>第二段，<strong>加粗</strong>和<a href="/x">链接</a>。</p>')).toBe(
      '第二段，加粗和链接。',
    );
  });

  test('headings are skipped: the excerpt is the paragraphs', () => {
    expect(makeExcerpt(undefined, '<h2>小标题</h2><p>正文。</p><h3 class="x">又一个</h3><p>更多。</p>')).toBe(
      '正文。 更多。',
    );
  });

  test('a body that is only a heading falls back to the heading text', () => {
    expect(makeExcerpt(undefined, '<h2>只有标题</h2>')).toBe('只有标题');
  });
});

describe('beforeMore', () => {
  test('the part before <!-- more -->', () => {
    expect(beforeMore('<p>Lead.</p>\n<!-- more -->\n<p>Rest.</p>')).toBe('<p>Lead.</p>\n');
  });

  test('spacing and case inside the marker do not matter', () => {
    expect(beforeMore('Lead<!--MORE-->rest')).toBe('Lead');
  });

  test('no marker', () => {
    expect(beforeMore('<p>No marker.</p>')).toBeNull();
  });
});

describe('cutAtSentence', () => {
  test('short text is kept whole', () => {
    expect(cutAtSentence('短文本。')).toBe('短文本。');
  });

  test('cuts at a Chinese full stop near 120 characters', () => {
    const first = '一'.repeat(99) + '。'; // 100 characters, ends a sentence
    const text = first + '二'.repeat(60);
    expect(cutAtSentence(text)).toBe(first);
  });

  test('the last sentence end within the limit is used', () => {
    const text = '一'.repeat(84) + '。' + '二'.repeat(20) + '！' + '三'.repeat(50);
    expect(cutAtSentence(text)).toBe('一'.repeat(84) + '。' + '二'.repeat(20) + '！');
  });

  test('a sentence end in the first two thirds is too early: cut at 120 with an ellipsis', () => {
    const text = '一'.repeat(30) + '。' + '二'.repeat(200);
    expect(cutAtSentence(text)).toBe(`${'一'.repeat(30)}。${'二'.repeat(89)}…`);
  });

  test('no sentence end: 120 characters and an ellipsis', () => {
    expect(cutAtSentence('字'.repeat(200))).toBe(`${'字'.repeat(120)}…`);
  });

  test('counts characters, not UTF-16 units: astral characters are not split', () => {
    expect(cutAtSentence('😀'.repeat(200))).toBe(`${'😀'.repeat(120)}…`);
  });

  test('an English full stop counts only before a space or the end', () => {
    const text = 'a'.repeat(100) + '. ' + 'b'.repeat(100);
    expect(cutAtSentence(text)).toBe('a'.repeat(100) + '.');
  });

  // The `$` in the sentence-end pattern matches the end of the 121-character window, not of the
  // text: a decimal point that falls on character 121 is taken for a full stop.
  test('a decimal point at the window edge is not a sentence end', () => {
    const text = 'a'.repeat(119) + '3.14 and more words after it';
    expect(cutAtSentence(text)).toBe(`${'a'.repeat(119)}3…`);
  });
});

describe('htmlToText', () => {
  test('script, style and comments are dropped with their content', () => {
    expect(htmlToText('<p>A</p><script>alert("x")</script><style>p{color:red}</style><!-- hidden --><p>B</p>')).toBe(
      'A B',
    );
  });

  test('an unclosed script drops everything after it', () => {
    expect(htmlToText('<p>A</p><script>never closed <p>B</p>')).toBe('A');
  });

  test('entities are decoded: named, decimal, hex', () => {
    expect(htmlToText('&lt;b&gt; &amp; &quot;x&quot; &#20013;&#x6587; &ldquo;引&rdquo;&hellip;')).toBe(
      '<b> & "x" 中文 “引”…',
    );
  });

  test('&nbsp; becomes a space, whitespace collapses', () => {
    expect(htmlToText('<p>a&nbsp;&nbsp;b\n\n  c</p>')).toBe('a b c');
  });

  test('every named entity, not a fixed list, and decimal and hex references', () => {
    expect(htmlToText('&copy; &eacute;t&eacute; &#x4e2d;&#25991; &frac12; &Omega; &rarr; &euro;')).toBe(
      '© été 中文 ½ Ω → €',
    );
  });

  test('as a browser does: unknown entities kept as written, NUL and out-of-range references as U+FFFD', () => {
    expect(htmlToText('&unknown; &#0; &#x110000;x')).toBe('&unknown; \uFFFD \uFFFDx');
  });

  test('headings are kept unless skipHeadings', () => {
    expect(htmlToText('<h2>T</h2><p>B</p>')).toBe('T B');
    expect(htmlToText('<h2>T</h2><p>B</p>', { skipHeadings: true })).toBe('B');
  });
});
