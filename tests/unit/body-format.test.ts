import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkMarkdownLimits, detectFormat, MAX_MARKDOWN_BYTES, renderBody } from '@/lib/content/body-format';
import { readFrontMatter } from '@/lib/content/read-front-matter';

function render(body: string, format: 'html' | 'markdown'): string {
  const result = renderBody(body, format);
  if (!result.ok) throw new Error(result.reason);
  return result.html;
}

const SEED = path.resolve(import.meta.dirname, '../../content/chongqing-talent-conference-2021.md');

describe('HTML bodies', () => {
  const { body } = readFrontMatter(fs.readFileSync(SEED, 'utf8'));

  test('the seed body is detected as HTML', () => {
    expect(detectFormat(body)).toBe('html');
  });

  test('the seed body is kept byte for byte', () => {
    expect(render(body, 'html')).toBe(body);
  });

  test('indented lines in an HTML body are not turned into code blocks', () => {
    const html = '<div>\n    <p>indented paragraph</p>\n\n        <p>more indented</p>\n</div>\n';
    expect(detectFormat(html)).toBe('html');
    const rendered = render(html, detectFormat(html));
    expect(rendered).toBe(html);
    expect(rendered).not.toContain('<pre>');
  });

  test.each(['<p>x</p>', '  \n<div class="a">x</div>', '<IMG src="a.png">', '<br/>text', '<my-widget>x</my-widget>'])(
    '%j is HTML',
    (text) => {
      expect(detectFormat(text)).toBe('html');
    },
  );
});

describe('Markdown bodies', () => {
  test.each([
    '# Title',
    'Plain text with <b>inline</b> HTML',
    '<https://example.com> is an autolink',
    '<!-- comment -->\n# Title',
    '    indented code',
  ])('%j is Markdown', (text) => {
    expect(detectFormat(text)).toBe('markdown');
  });

  test('heading, table and fenced code are rendered', () => {
    const markdown = '# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n';
    expect(render(markdown, 'markdown')).toBe(
      '<h1>Title</h1>\n' +
        '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n' +
        '<tbody><tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody></table>\n' +
        '<pre><code class="language-js">const x = 1;\n</code></pre>\n',
    );
  });

  test('emphasis, links and code spans', () => {
    expect(render('Some *em* and [a link](https://example.com) and `code`.', 'markdown')).toBe(
      '<p>Some <em>em</em> and <a href="https://example.com">a link</a> and <code>code</code>.</p>\n',
    );
  });

  test('single line breaks are not <br> (breaks: false)', () => {
    expect(render('line one\nline two', 'markdown')).toBe('<p>line one\nline two</p>\n');
  });
});

describe('Markdown that would stall or crash the renderer is refused, not rendered', () => {
  test('3,000 nested quotes', () => {
    const body = `${'正文。'.repeat(100)}\n\n${'>'.repeat(3000)} deep`;
    expect(renderBody(body, 'markdown')).toEqual({ ok: false, reason: 'Markdown quotes are nested more than 16 deep' });
  });

  test('lists nested past 64 columns of indentation', () => {
    const body = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    expect(checkMarkdownLimits(body)).toEqual({ ok: false, reason: 'Markdown lists are nested too deep' });
  });

  test('a body over the size limit', () => {
    const result = renderBody('a'.repeat(MAX_MARKDOWN_BYTES + 1), 'markdown');
    expect(result.ok).toBe(false);
  });

  test('ordinary nesting is fine', () => {
    expect(render('> quote\n> > nested\n\n- a\n  - b\n    - c', 'markdown')).toContain('<blockquote>');
  });
});

describe('format detection', () => {
  test('a Markdown post that opens with an HTML banner is Markdown', () => {
    expect(detectFormat('<p align="center"><img src="/banner.png"></p>\n\n## 标题\n\n正文 **加粗**')).toBe('markdown');
  });

  test('an HTML body with indented lines is HTML', () => {
    expect(detectFormat('<div>\n    <p>一段</p>\n        <p>二段</p>\n</div>')).toBe('html');
  });
});
