import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { htmlToText } from '@/lib/content/plain-text';
import { readFrontMatter } from '@/lib/content/read-front-matter';
import { EXTERNAL_LINK_REL } from '@/lib/sanitize/allowlist';
import { MAX_BODY_BYTES, MAX_NESTING_DEPTH, nestingDepth } from '@/lib/sanitize/limits';
import { sanitizeBody } from '@/lib/sanitize/sanitize-body';

const SEED = path.resolve(import.meta.dirname, '../../content/chongqing-talent-conference-2021.md');
const IMG = 'loading="lazy" decoding="async" referrerpolicy="no-referrer"';

/** Sanitized HTML, failing the test if the body was refused. */
function clean(html: string): string {
  const result = sanitizeBody(html);
  if (!result.ok) throw new Error(`body refused: ${result.reason}`);
  return result.html;
}

describe('structure', () => {
  test('h1 becomes h2 (the page title is the only h1)', () => {
    expect(clean('<h1>Title</h1><h2>Sub</h2>')).toBe('<h2>Title</h2><h2>Sub</h2>');
  });

  test('class, id and style are removed', () => {
    expect(clean('<div class="hidden">a</div><p class="fixed inset-0" id="clobber" style="color:red">b</p>')).toBe(
      '<div>a</div><p>b</p>',
    );
  });

  test('allowed structure is kept: lists, tables, blockquote, code', () => {
    const html =
      '<ul><li>a</li></ul><ol start="3"><li>b</li></ol><table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><blockquote>q</blockquote><pre><code>x &lt; y</code></pre>';
    expect(clean(html)).toBe(html);
  });
});

describe('active content is removed', () => {
  test.each([
    ['<script>alert(1)</script>', ''],
    ['<style>body{display:none}</style>', ''],
    ['<iframe src="https://evil.example/"></iframe>', ''],
    ['<object data="x.swf"><param name="a" value="b"></object>', ''],
    ['<embed src="x.swf">', ''],
    ['<form action="https://evil.example/"><input name="q"><button>Go</button></form>', 'Go'],
    ['<svg onload="alert(1)"><circle r="1"/></svg>', ''],
    ['<math><mi>x</mi></math>', ''],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', ''],
    ['<base href="https://evil.example/">', ''],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', ''],
    ['<template><p>hidden</p></template>', ''],
    ['<textarea>text</textarea>', ''],
  ])('%s → %j', (html, expected) => {
    expect(clean(`<p>before</p>${html}<p>after</p>`)).toBe(`<p>before</p>${expected}<p>after</p>`);
  });

  test('on* attributes are removed', () => {
    expect(clean('<p onclick="a()" onmouseover="b()">t</p><img src="https://x/a.png" onerror="c()">')).toBe(
      `<p>t</p><img ${IMG} src="https://x/a.png" alt="" />`,
    );
  });
});

describe('link URLs', () => {
  test.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['&#x6A;avascript&colon;alert(1)'],
    ['&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)'],
  ])('href %j is removed, the text kept', (href) => {
    expect(clean(`<a href="${href.replace(/"/g, '&quot;')}">x</a>`)).toBe('<a>x</a>');
  });

  test('http and https links are kept and marked external', () => {
    expect(clean('<a href="http://a.example/">h</a><a href="https://a.example/p?q=1&amp;r=2">s</a>')).toBe(
      `<a href="http://a.example/" rel="${EXTERNAL_LINK_REL}">h</a><a href="https://a.example/p?q=1&amp;r=2" rel="${EXTERNAL_LINK_REL}">s</a>`,
    );
  });

  test('protocol-relative links are external', () => {
    expect(clean('<a href="//a.example/x">p</a>')).toBe(`<a href="//a.example/x" rel="${EXTERNAL_LINK_REL}">p</a>`);
  });

  test('the external rel is exactly noopener noreferrer nofollow ugc', () => {
    expect(EXTERNAL_LINK_REL).toBe('noopener noreferrer nofollow ugc');
  });

  test('mailto, relative and fragment links are kept without rel, and an author rel is dropped', () => {
    expect(
      clean(
        '<a href="mailto:x@y.example">m</a><a href="/posts/a">r</a><a href="b" rel="opener">b</a><a href="#top">f</a>',
      ),
    ).toBe('<a href="mailto:x@y.example">m</a><a href="/posts/a">r</a><a href="b">b</a><a href="#top">f</a>');
  });

  test('the href is trimmed; title kept; other attributes dropped', () => {
    expect(clean('<a href="  https://a.example/ " title="T" target="_blank" download>x</a>')).toBe(
      `<a href="https://a.example/" title="T" rel="${EXTERNAL_LINK_REL}">x</a>`,
    );
  });

  test('cite with javascript: is removed, https kept', () => {
    expect(clean('<blockquote cite="javascript:alert(1)">q</blockquote><q cite="https://a.example/">b</q>')).toBe(
      '<blockquote>q</blockquote><q cite="https://a.example/">b</q>',
    );
  });
});

describe('images', () => {
  test('loading=lazy, decoding=async, referrerpolicy=no-referrer are added', () => {
    expect(clean('<img src="https://x/a.jpg" alt="A">')).toBe(`<img ${IMG} src="https://x/a.jpg" alt="A" />`);
  });

  test('width and height from data-size "2668,2001"', () => {
    expect(clean('<img src="https://x/a.jpg" data-size="2668,2001">')).toBe(
      `<img ${IMG} src="https://x/a.jpg" alt="" width="2668" height="2001" />`,
    );
  });

  test('data-width and data-height win over width and height', () => {
    expect(clean('<img src="https://x/b.jpg" data-width="640" data-height="480" width="1" height="2">')).toBe(
      `<img ${IMG} src="https://x/b.jpg" alt="" width="640" height="480" />`,
    );
  });

  test('plain width/height in px are kept; percentages and a lone dimension are not', () => {
    expect(clean('<img src="https://x/a.jpg" width="300px" height="200">')).toBe(
      `<img ${IMG} src="https://x/a.jpg" alt="" width="300" height="200" />`,
    );
    expect(clean('<img src="https://x/c.jpg" width="50%" height="20">')).toBe(
      `<img ${IMG} src="https://x/c.jpg" alt="" />`,
    );
    expect(clean('<img src="https://x/d.jpg" data-width="640">')).toBe(`<img ${IMG} src="https://x/d.jpg" alt="" />`);
  });

  test('data-original is used as src over a data: placeholder', () => {
    expect(clean('<img src="data:image/gif;base64,R0lGOD" data-original="https://x/o.jpg">')).toBe(
      `<img ${IMG} src="https://x/o.jpg" alt="" />`,
    );
  });

  test('data-src is used as src over a data: placeholder', () => {
    expect(clean('<img src="data:image/gif;base64,R0lGOD" data-src="https://x/s.jpg">')).toBe(
      `<img ${IMG} src="https://x/s.jpg" alt="" />`,
    );
  });

  test('an unsafe data-src is ignored in favour of src', () => {
    expect(clean('<img src="https://x/real.jpg" data-src="javascript:alert(1)">')).toBe(
      `<img ${IMG} src="https://x/real.jpg" alt="" />`,
    );
  });

  test('an image with a javascript: src is dropped entirely', () => {
    expect(clean('<p>a<img src="javascript:alert(1)" alt="x">b</p>')).toBe('<p>ab</p>');
  });

  test('an image with only a data: src, or no src, is dropped', () => {
    expect(clean('<img src="data:image/png;base64,AAAA"><img alt="none">')).toBe('');
  });

  test('srcset and other attributes are dropped', () => {
    expect(clean('<img src="https://x/a.jpg" srcset="javascript:alert(1) 1x" usemap="#m" ismap>')).toBe(
      `<img ${IMG} src="https://x/a.jpg" alt="" />`,
    );
  });
});

describe('the seed article body', () => {
  const { body } = readFrontMatter(fs.readFileSync(SEED, 'utf8'));
  const html = clean(body);

  test('keeps its text', () => {
    expect(htmlToText(html)).toBe(htmlToText(body));
    expect(htmlToText(html).startsWith('11月16日，记者从2021重庆英才大会新闻发布会上了解到')).toBe(true);
  });

  test('keeps its image, with its size from data-size', () => {
    expect(html).toContain(
      `<img ${IMG} src="https://cors.zfour.workers.dev/?http://static.1sapp.com/qupost/img/2021/11/16/4d3b4b9b2d20576a465a27130bf75afb.jpeg" alt="" width="2668" height="2001" />`,
    );
  });
});

describe('limits', () => {
  test('the limits are 2 MiB and 256 levels', () => {
    expect(MAX_BODY_BYTES).toBe(2 * 1024 * 1024);
    expect(MAX_NESTING_DEPTH).toBe(256);
  });

  test('a 3 MiB body is refused with its size', () => {
    expect(sanitizeBody(`<p>${'a'.repeat(3 * 1024 * 1024)}</p>`)).toEqual({
      ok: false,
      reason: 'body is 3.0 MiB, over the 2 MiB limit',
    });
  });

  test('the size limit counts UTF-8 bytes, not characters: 1 Mi Chinese characters are 3 MiB', () => {
    expect(sanitizeBody('中'.repeat(1024 * 1024))).toEqual({
      ok: false,
      reason: 'body is 3.0 MiB, over the 2 MiB limit',
    });
  });

  test('100,000 nested <div> are refused for their nesting', () => {
    const result = sanitizeBody(`${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`);
    expect(result).toEqual({ ok: false, reason: 'HTML is nested more than 256 elements deep' });
  });

  test('200 nested <div> are accepted and kept', () => {
    const html = `${'<div>'.repeat(200)}x${'</div>'.repeat(200)}`;
    expect(sanitizeBody(html)).toEqual({ ok: true, html });
  });

  test('256 levels are accepted, 257 refused', () => {
    expect(sanitizeBody(`${'<div>'.repeat(256)}x`).ok).toBe(true);
    expect(sanitizeBody(`${'<div>'.repeat(257)}x`).ok).toBe(false);
  });

  test('5,000 unclosed <p> siblings are accepted: each new <p> closes the previous', () => {
    expect(sanitizeBody('<p>para'.repeat(5000))).toEqual({ ok: true, html: '<p>para</p>'.repeat(5000) });
  });

  test('5,000 unclosed <li> siblings are accepted', () => {
    expect(sanitizeBody(`<ul>${'<li>item'.repeat(5000)}</ul>`)).toEqual({
      ok: true,
      html: `<ul>${'<li>item</li>'.repeat(5000)}</ul>`,
    });
  });

  test('void elements do not nest: each is one level, closed at once', () => {
    expect(nestingDepth('<br><img src="a"><hr>'.repeat(1000))).toBe(1);
    expect(nestingDepth('<div><p>a</p><p>b</p></div>')).toBe(2);
  });

  // HTML ignores the `/` of `<div/>`: the parser sanitize-html uses (htmlparser2) opens a <div>
  // each time, so 300 of them nest 300 deep, but nestingDepth counts them as self-closing (0).
  test('<div/> is not self-closing in HTML: 300 of them nest too deep', () => {
    const result = sanitizeBody(`${'<div/>'.repeat(300)}x`);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/nested/);
  });

  // htmlparser2 reads the tag name `a.b`, which `</a>` does not close; nestingDepth reads `a` and closes it.
  test('a tag name with a dot is one element the matching-prefix end tag does not close', () => {
    const result = sanitizeBody('<a.b></a>'.repeat(300));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/nested/);
  });
});

describe('image dimensions come from one source', () => {
  test('data-width with a plain height is not mixed into a distorted size', () => {
    expect(sanitizeBody('<img src="https://x/m.jpg" data-width="640" height="20">')).toEqual({
      ok: true,
      html: '<img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="https://x/m.jpg" alt="" />',
    });
  });
});
