import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sanitizeBody, type SanitizeResult } from '@/lib/sanitize/sanitize-body';
import { describeChange, SanitizeReport, type SanitizeChange } from '@/lib/sanitize/sanitize-report';

const IMG = 'loading="lazy" decoding="async" referrerpolicy="no-referrer"';
const REL = 'rel="noopener noreferrer nofollow ugc"';

/** Sanitized HTML and the report's changes, failing the test if the body was refused or has no report. */
function reported(html: string): { html: string; changes: SanitizeChange[]; unlisted: number } {
  const result = sanitizeBody(html, { report: true });
  if (!result.ok) throw new Error(`body refused: ${result.reason}`);
  if (!result.report) throw new Error('no report');
  return { html: result.html, changes: result.report.changes, unlisted: result.report.unlisted };
}

describe('removed elements', () => {
  test('<script> is removed with its content', () => {
    expect(reported('<p>a</p><script>alert(1)</script><p>b</p>')).toEqual({
      html: '<p>a</p><p>b</p>',
      changes: [
        { action: 'removed', target: 'element', tag: 'script', reason: 'element-not-allowed-with-content', count: 1 },
      ],
      unlisted: 0,
    });
  });

  test('<font> is removed, its text kept', () => {
    expect(reported('<p><font color="red">hi</font> there</p>')).toEqual({
      html: '<p>hi there</p>',
      changes: [{ action: 'removed', target: 'element', tag: 'font', reason: 'element-not-allowed', count: 1 }],
      unlisted: 0,
    });
  });

  test('only the outer element of dropped content is reported', () => {
    const { html, changes } = reported('<svg><script>x</script><a onclick="y">z</a></svg>');
    expect(html).toBe('');
    expect(changes).toEqual([
      { action: 'removed', target: 'element', tag: 'svg', reason: 'element-not-allowed-with-content', count: 1 },
    ]);
  });

  test('an element inside an unwrapped element is still checked', () => {
    expect(reported('<font><p onclick="x()">t</p></font>').changes).toEqual([
      { action: 'removed', target: 'element', tag: 'font', reason: 'element-not-allowed', count: 1 },
      { action: 'removed', target: 'attribute', tag: 'p', attribute: 'onclick', reason: 'event-handler', count: 1 },
    ]);
  });
});

describe('attributes of removed elements', () => {
  test('event handlers and unsafe URLs are named; other attributes go unmentioned with their element', () => {
    expect(
      reported(
        '<font onmouseover="a()" color="red">f</font><form action="javascript:b()" class="c"><input onfocus="c()"></form>',
      ),
    ).toEqual({
      html: 'f',
      changes: [
        { action: 'removed', target: 'element', tag: 'font', reason: 'element-not-allowed', count: 1 },
        {
          action: 'removed',
          target: 'attribute',
          tag: 'font',
          attribute: 'onmouseover',
          reason: 'event-handler',
          count: 1,
        },
        { action: 'removed', target: 'element', tag: 'form', reason: 'element-not-allowed', count: 1 },
        {
          action: 'removed',
          target: 'url',
          tag: 'form',
          attribute: 'action',
          value: 'javascript:b()',
          reason: 'unsafe-url',
          count: 1,
        },
        { action: 'removed', target: 'element', tag: 'input', reason: 'element-not-allowed', count: 1 },
        {
          action: 'removed',
          target: 'attribute',
          tag: 'input',
          attribute: 'onfocus',
          reason: 'event-handler',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });

  test.each([
    [
      'an unsafe src replaced by a safe lazy source',
      '<img data-src="https://ok.example/x.png" src="javascript:alert(1)">',
      'src',
    ],
    [
      'an unsafe lazy source beside a safe src',
      '<img data-src="javascript:alert(1)" data-original="" src="https://ok.example/x.png">',
      'data-src',
    ],
  ])('%s: the unsafe one is reported, the safe one kept', (_, html, attribute) => {
    expect(reported(html)).toEqual({
      html: `<img ${IMG} src="https://ok.example/x.png" alt="" />`,
      changes: [
        {
          action: 'removed',
          target: 'url',
          tag: 'img',
          attribute,
          value: 'javascript:alert(1)',
          reason: 'unsafe-url',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });
});

describe('removed attributes and URLs', () => {
  test('event handlers', () => {
    expect(reported('<p onclick="a()" ONMOUSEOVER="b()">t</p>')).toEqual({
      html: '<p>t</p>',
      changes: [
        { action: 'removed', target: 'attribute', tag: 'p', attribute: 'onclick', reason: 'event-handler', count: 1 },
        {
          action: 'removed',
          target: 'attribute',
          tag: 'p',
          attribute: 'onmouseover',
          reason: 'event-handler',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });

  test('a javascript: link loses its href; the URL is reported with its value', () => {
    expect(reported('<a href="javascript:alert(1)">x</a>')).toEqual({
      html: '<a>x</a>',
      changes: [
        {
          action: 'removed',
          target: 'url',
          tag: 'a',
          attribute: 'href',
          value: 'javascript:alert(1)',
          reason: 'unsafe-url',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });

  test('an unsafe cite URL on <q> is reported too', () => {
    expect(reported('<q cite="vbscript:x">q</q>').changes).toEqual([
      {
        action: 'removed',
        target: 'url',
        tag: 'q',
        attribute: 'cite',
        value: 'vbscript:x',
        reason: 'unsafe-url',
        count: 1,
      },
    ]);
  });

  test('style, class and other attributes not on the allowlist', () => {
    expect(reported('<p style="color:red" class="c" title="t">t</p>')).toEqual({
      html: '<p>t</p>',
      changes: [
        {
          action: 'removed',
          target: 'attribute',
          tag: 'p',
          attribute: 'style',
          reason: 'attribute-not-allowed',
          count: 1,
        },
        {
          action: 'removed',
          target: 'attribute',
          tag: 'p',
          attribute: 'class',
          reason: 'attribute-not-allowed',
          count: 1,
        },
        {
          action: 'removed',
          target: 'attribute',
          tag: 'p',
          attribute: 'title',
          reason: 'attribute-not-allowed',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });

  test('an empty href and an empty link title', () => {
    expect(reported('<a href="" title="">x</a>')).toEqual({
      html: '<a>x</a>',
      changes: [
        { action: 'removed', target: 'attribute', tag: 'a', attribute: 'href', reason: 'empty-value', count: 1 },
        { action: 'removed', target: 'attribute', tag: 'a', attribute: 'title', reason: 'empty-value', count: 1 },
      ],
      unlisted: 0,
    });
  });

  test('an <img> whose only source is unsafe is removed, with its URL', () => {
    expect(reported('<p><img src="javascript:alert(1)" alt="a"></p>')).toEqual({
      html: '<p></p>',
      changes: [
        {
          action: 'removed',
          target: 'url',
          tag: 'img',
          attribute: 'src',
          value: 'javascript:alert(1)',
          reason: 'unsafe-url',
          count: 1,
        },
        {
          action: 'removed',
          target: 'element',
          tag: 'img',
          value: 'javascript:alert(1)',
          reason: 'image-without-source',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });

  test('an <img> without any source is removed, without a value', () => {
    expect(reported('<p>a<img alt="x">b</p>')).toEqual({
      html: '<p>ab</p>',
      changes: [{ action: 'removed', target: 'element', tag: 'img', reason: 'image-without-source', count: 1 }],
      unlisted: 0,
    });
  });
});

describe('changed elements', () => {
  test('h1 becomes h2, reported as changed; its attributes are reported under h1', () => {
    expect(reported('<h1 class="c">T</h1>')).toEqual({
      html: '<h2>T</h2>',
      changes: [
        { action: 'changed', target: 'element', tag: 'h1', reason: 'h1-to-h2', count: 1 },
        {
          action: 'removed',
          target: 'attribute',
          tag: 'h1',
          attribute: 'class',
          reason: 'attribute-not-allowed',
          count: 1,
        },
      ],
      unlisted: 0,
    });
  });
});

describe('what is not reported', () => {
  test('a clean body gives an empty report', () => {
    const html =
      '<h2>Sub</h2><p>a <strong>b</strong> <a href="https://x.example/">l</a></p><ol start="2"><li>i</li></ol>' +
      '<img src="https://x.example/a.png" alt="a" width="10" height="20">';
    expect(reported(html)).toEqual({
      html:
        `<h2>Sub</h2><p>a <strong>b</strong> <a href="https://x.example/" ${REL}>l</a></p><ol start="2"><li>i</li></ol>` +
        `<img ${IMG} src="https://x.example/a.png" alt="a" width="10" height="20" />`,
      changes: [],
      unlisted: 0,
    });
  });

  test('a lazy image: data-original replaces the placeholder src, and nothing is reported', () => {
    expect(
      reported('<img data-original="https://x.example/a.png" src="/placeholder.gif" data-size="640,480">'),
    ).toEqual({
      html: `<img ${IMG} src="https://x.example/a.png" alt="" width="640" height="480" />`,
      changes: [],
      unlisted: 0,
    });
  });

  test('attributes we add (rel, loading, decoding, referrerpolicy, alt) or replace are not reported', () => {
    expect(
      reported('<a href="https://x.example/" rel="nofollow">l</a><img src="https://x.example/a.png" loading="eager">'),
    ).toEqual({
      html: `<a href="https://x.example/" ${REL}>l</a><img ${IMG} src="https://x.example/a.png" alt="" />`,
      changes: [],
      unlisted: 0,
    });
  });

  test('without report: no report in the result', () => {
    expect(sanitizeBody('<script>x</script>')).toEqual({ ok: true, html: '' });
  });

  test('a refused body has no report either', () => {
    expect(sanitizeBody('<div>'.repeat(300), { report: true })).toEqual({
      ok: false,
      reason: 'HTML is nested more than 256 elements deep',
    });
  });
});

describe('repeats are merged', () => {
  test('the same change is one entry with a count, in first-seen order', () => {
    const { changes } = reported(
      '<p onclick="a">1</p><script>x</script><p onclick="b">2</p><script>y</script><h1>a</h1><h1>b</h1><h1>c</h1>',
    );
    expect(changes).toEqual([
      { action: 'removed', target: 'attribute', tag: 'p', attribute: 'onclick', reason: 'event-handler', count: 2 },
      { action: 'removed', target: 'element', tag: 'script', reason: 'element-not-allowed-with-content', count: 2 },
      { action: 'changed', target: 'element', tag: 'h1', reason: 'h1-to-h2', count: 3 },
    ]);
  });

  test('the same attribute on different elements, or different URLs, are separate entries', () => {
    const { changes } = reported(
      '<p onclick="a">1</p><span onclick="a">2</span><a href="javascript:a">3</a><a href="javascript:b">4</a>',
    );
    expect(changes.map((c) => [c.tag, c.attribute, c.value, c.count])).toEqual([
      ['p', 'onclick', undefined, 1],
      ['span', 'onclick', undefined, 1],
      ['a', 'href', 'javascript:a', 1],
      ['a', 'href', 'javascript:b', 1],
    ]);
  });

  test('long values are cut to 80 characters, and merge when they differ only after that', () => {
    const long = `javascript:${'x'.repeat(100)}`;
    const { changes } = reported(`<a href="${long}1">a</a><a href="${long}2">b</a>`);
    expect(changes).toEqual([
      {
        action: 'removed',
        target: 'url',
        tag: 'a',
        attribute: 'href',
        value: `${long.slice(0, 80)}…`,
        reason: 'unsafe-url',
        count: 2,
      },
    ]);
  });
});

describe('the entry cap', () => {
  test('at most 200 entries; further distinct changes are counted as unlisted', () => {
    const links = Array.from({ length: 250 }, (_, i) => `<a href="javascript:${i}">${i}</a>`).join('');
    const { changes, unlisted } = reported(links);
    expect(changes).toHaveLength(200);
    expect(changes[0]!.value).toBe('javascript:0');
    expect(changes[199]!.value).toBe('javascript:199');
    expect(unlisted).toBe(50);
  });

  test('repeats of a listed change still count after the cap is reached', () => {
    const report = new SanitizeReport();
    const change = (i: number) =>
      ({
        action: 'removed',
        target: 'url',
        tag: 'a',
        attribute: 'href',
        value: `javascript:${i}`,
        reason: 'unsafe-url',
      }) as const;
    for (let i = 0; i < 201; i++) report.add(change(i));
    report.add(change(0));
    report.add(change(0));
    report.add(change(200));
    expect(report.changes).toHaveLength(200);
    expect(report.changes[0]!.count).toBe(3);
    expect(report.changes[199]).toEqual({ ...change(199), count: 1 });
    expect(report.unlisted).toBe(2);
  });

  test('a new report is empty', () => {
    const report = new SanitizeReport();
    expect(report.changes).toEqual([]);
    expect(report.unlisted).toBe(0);
  });
});

describe('describeChange', () => {
  test.each<[Omit<SanitizeChange, 'count'> & { count?: number }, string]>([
    [
      { action: 'removed', target: 'element', tag: 'script', reason: 'element-not-allowed-with-content' },
      'removed <script>: element not allowed; removed with its content',
    ],
    [
      { action: 'removed', target: 'element', tag: 'font', reason: 'element-not-allowed', count: 3 },
      'removed <font>: element not allowed; its text is kept (×3)',
    ],
    [
      { action: 'removed', target: 'element', tag: 'img', value: 'data:x"y', reason: 'image-without-source' },
      'removed <img> "data:x\\"y": image without an http(s) or relative source',
    ],
    [
      { action: 'removed', target: 'attribute', tag: 'p', attribute: 'onclick', reason: 'event-handler', count: 2 },
      'removed onclick on <p>: event handler (×2)',
    ],
    [
      { action: 'removed', target: 'attribute', tag: 'p', attribute: 'style', reason: 'attribute-not-allowed' },
      'removed style on <p>: attribute not allowed',
    ],
    [
      { action: 'removed', target: 'attribute', tag: 'a', attribute: 'href', reason: 'empty-value' },
      'removed href on <a>: empty value',
    ],
    [
      {
        action: 'removed',
        target: 'url',
        tag: 'a',
        attribute: 'href',
        value: 'javascript:alert(1)',
        reason: 'unsafe-url',
      },
      'removed href="javascript:alert(1)" on <a>: unsafe URL scheme',
    ],
    [
      { action: 'changed', target: 'element', tag: 'h1', reason: 'h1-to-h2', count: 2 },
      "changed <h1>: became <h2>: the article title is the page's only <h1> (×2)",
    ],
  ])('%j', (change, text) => {
    expect(describeChange({ count: 1, ...change })).toBe(text);
  });

  test('describes what the sanitizer reported', () => {
    expect(
      reported('<a href="javascript:x" onclick="y">a</a><a onclick="z">b</a>').changes.map(describeChange),
    ).toEqual(['removed href="javascript:x" on <a>: unsafe URL scheme', 'removed onclick on <a>: event handler (×2)']);
  });
});

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/xss');

const payloads: { name: string; payload: string }[] = fs
  .readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => {
    const { payloads: list } = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as {
      payloads: string[];
    };
    return list.map((payload, i) => ({ name: `${file.replace(/\.json$/, '')} #${i}`, payload }));
  });

/** The result without its report, to compare with a result made without one. */
const withoutReport = (result: SanitizeResult) => (result.ok ? { ok: true, html: result.html } : result);

describe('reporting does not change the sanitized HTML', () => {
  test('there are payloads, and most of them make a report', () => {
    expect(payloads.length).toBe(223 + 104 + 101);
    const withChanges = payloads.filter(({ payload }) => {
      const result = sanitizeBody(payload, { report: true });
      return result.ok && result.report!.changes.length > 0;
    });
    expect(withChanges.length).toBeGreaterThan(350);
  });

  test.each(payloads)('$name', ({ payload }) => {
    const plain = sanitizeBody(payload);
    const withReport = sanitizeBody(payload, { report: true });
    expect(withoutReport(withReport)).toEqual(plain);
    if (withReport.ok) expect(withReport.report).toBeInstanceOf(SanitizeReport);
  });
});
