import fs from 'node:fs';
import path from 'node:path';
import { isTag, type AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { parseArticle } from '@/lib/content/parse-article';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from '@/lib/sanitize/allowlist';
import { sanitizeBody } from '@/lib/sanitize/sanitize-body';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/xss');

type Case = { name: string; payload: string };

const cases: Case[] = fs
  .readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => {
    const { payloads, titles } = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as {
      payloads: string[];
      titles: string[];
    };
    return payloads.map((payload, i) => ({
      name: `${file.replace(/\.json$/, '')} #${i}: ${titles[i] ?? ''}`,
      payload,
    }));
  });

const allowedTags = new Set(ALLOWED_TAGS);
const allowedAttributes = ALLOWED_ATTRIBUTES as Record<string, string[]>;

/** The scheme a browser would see: control characters and whitespace are ignored inside it. */
function scheme(url: string): string | null {
  const match = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
  return match ? match[1]!.toLowerCase() : null;
}

/** Everything in sanitized HTML that the allowlist should have made impossible. */
function violations(html: string): string[] {
  const found: string[] = [];
  // decodeEntities: attribute values are read as a browser reads them, `&#106;` → `j`.
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (isTag(node)) {
        const name = node.name.toLowerCase();
        if (!allowedTags.has(name)) found.push(`element <${name}>`);
        for (const [attribute, value] of Object.entries(node.attribs)) {
          const attr = attribute.toLowerCase();
          if (attr.startsWith('on')) found.push(`event handler ${attr} on <${name}>`);
          if (attr === 'class' || attr === 'id' || attr === 'style') found.push(`${attr} on <${name}>`);
          if (!(allowedAttributes[name] ?? []).includes(attr)) found.push(`attribute ${attr} on <${name}>`);
          if (attr === 'href' || attr === 'src' || attr === 'cite') {
            const s = scheme(value);
            const allowed = name === 'img' ? ['http', 'https'] : ['http', 'https', 'mailto'];
            if (s !== null && !allowed.includes(s)) found.push(`${attr}="${value}" on <${name}>`);
          }
        }
        walk(node.children);
      } else if (node.type === 'comment' || node.type === 'cdata' || node.type === 'directive') {
        found.push(`${node.type} node`);
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return found;
}

describe('the checker itself finds what it looks for', () => {
  test('it reports a script, an event handler, a class and a javascript: link', () => {
    expect(
      violations('<script>x</script><p onclick="x" class="c">t</p><a href="&#106;avascript:x">l</a><img src="data:x">'),
    ).toEqual([
      'element <script>',
      'event handler onclick on <p>',
      'attribute onclick on <p>',
      'class on <p>',
      'attribute class on <p>',
      'href="javascript:x" on <a>',
      'src="data:x" on <img>',
    ]);
  });

  test('there are payloads to test', () => {
    expect(cases.length).toBe(223 + 104 + 101);
  });
});

describe('sanitizeBody output contains only allowlisted markup', () => {
  test.each(cases)('$name', ({ payload }) => {
    const result = sanitizeBody(payload);
    const html = result.ok ? result.html : '';
    expect(violations(html)).toEqual([]);
  });
});

/** A YAML double-quoted scalar holding `text` exactly: everything but printable ASCII is escaped. */
function yamlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const asName = (text: string, max: number) => {
  const name = [
    ...text.toWellFormed().replace(/\s+/g, ' ').replace(/\//g, '／').replace(/\\/g, '＼').trim().normalize('NFC'),
  ]
    .slice(0, max)
    .join('')
    .trim();
  return name === '.' || name === '..' ? '' : name;
};

describe('payloads in front matter are kept as text; only a safe image URL is accepted', () => {
  test.each(cases)('$name', ({ payload }) => {
    const file = [
      '---',
      `title: ${yamlString(payload)}`,
      `categories:\n  - ${yamlString(payload)}`,
      `tags:\n  - ${yamlString(payload)}`,
      `image: ${yamlString(payload)}`,
      'date: 2021-11-16 09:12:02',
      '---',
      '<p>body</p>',
      '',
    ].join('\n');
    const parsed = parseArticle(
      file,
      {
        relative: 'xss.md',
        display: 'xss.md',
        draft: false,
        fallbackDate: { date: new Date(0), source: 'modification time' },
      },
      'Asia/Shanghai',
    );
    if (!parsed.ok) throw new Error(`article refused: ${parsed.problems.map((p) => p.reason).join('; ')}`);
    const { summary, problems } = parsed;

    // A title is the payload's text as a browser reads it: entities decoded, shown as characters.
    const title = decodeHTML(payload).replace(/\s+/g, ' ').trim().slice(0, 300);
    expect(summary.title).toBe(title || 'xss');
    const name = asName(payload, 100);
    expect(summary.categories).toEqual(name ? [[name]] : []);
    expect(summary.tags).toEqual(name ? [name] : []);

    // Safe: http(s) or relative, and shaped like a URL (no whitespace, markup, quotes or control characters).
    const url = payload.trim();
    const safe =
      url !== '' &&
      !/[\s<>"'`\u0000-\u001f\u007f]/.test(url) &&
      [null, 'http', 'https'].includes(scheme(url)) &&
      URL.canParse(url, 'http://site.invalid/');
    const rooted = url.startsWith('/') || scheme(url) !== null ? url : `/${url.replace(/^(?:\.\/)+/, '')}`;
    expect(summary.image).toBe(safe ? rooted : undefined);
    const imageWarnings = problems.filter((p) => p.reason.startsWith('image: '));
    expect(imageWarnings).toHaveLength(safe || payload === '' ? 0 : 1);
    expect(summary.date).toBe('2021-11-16T01:12:02.000Z');
  });
});
