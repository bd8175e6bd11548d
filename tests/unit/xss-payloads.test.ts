import { isTag, type AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { parseArticle } from '@/lib/content/parse-article';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from '@/lib/sanitize/allowlist';
import { sanitizeBody } from '@/lib/sanitize/sanitize-body';
import { categoryUrl, tagUrl } from '@/lib/urls';
import { allPayloads, payloadSets } from '../fixtures/xss/payloads.mjs';

const cases = allPayloads();
const allowedTags = new Set(ALLOWED_TAGS);
const allowedAttributes = ALLOWED_ATTRIBUTES as Record<string, string[]>;

/** The scheme a browser would navigate to or load (the URL standard's parser), or null if none. */
function scheme(url: string): string | null {
  return URL.canParse(url, 'http://site.invalid/') ? new URL(url, 'http://site.invalid/').protocol.slice(0, -1) : null;
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

  test('every payload of every file is tested, with the canaries', () => {
    const inFiles = payloadSets().reduce((sum, set) => sum + set.count, 0);
    expect(cases.filter((c) => c.source !== 'canaries')).toHaveLength(inFiles);
    expect(cases.filter((c) => c.source === 'canaries').length).toBeGreaterThan(0);
  });
});

describe('sanitizeBody output contains only allowlisted markup, and sanitizing it again changes nothing', () => {
  test.each(cases)('$name', ({ payload }) => {
    const result = sanitizeBody(payload);
    const html = result.ok ? result.html : '';
    expect(violations(html)).toEqual([]);
    const again = sanitizeBody(html);
    expect(again.ok ? again.html : null).toBe(html);
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

/** What a browser shows of the payload as text: entities decoded, white space collapsed. */
const shownText = (payload: string) => decodeHTML(payload).replace(/\s+/g, ' ').trim();

/** The names a listing's address resolves back to, as the browser sends them. */
const pathNames = (url: string) =>
  new URL(url, 'http://site.invalid/').pathname.split('/').slice(2).map(decodeURIComponent);

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

    // The title is the text a browser would show of the payload, cut; the file's name if none.
    expect(summary.title.length).toBeLessThanOrEqual(300);
    if (shownText(payload)) expect(shownText(payload).startsWith(summary.title)).toBe(true);
    else expect(summary.title).toBe('xss');

    // A category or tag name is one path segment: its listing's address resolves back to it.
    const names = [...summary.categories.flat(), ...summary.tags];
    expect(summary.categories.every((path) => path.length === 1)).toBe(true);
    expect(names.length).toBe(shownText(payload) ? 2 : names.length);
    for (const name of names) {
      expect(name).not.toMatch(/^(?:\.{1,2})?$|[\u0000-\u001f\u007f]/);
      expect(name.length).toBeLessThanOrEqual(100);
    }
    for (const [name] of summary.categories) expect(pathNames(categoryUrl([name!]))).toEqual([name]);
    for (const tag of summary.tags) expect(pathNames(tagUrl(tag))).toEqual([tag]);

    // An image is kept only as an http(s) or site address that cannot leave its attribute; any
    // other non-empty value is dropped with one warning.
    const imageWarnings = problems.filter((p) => p.reason.startsWith('image: '));
    if (summary.image !== undefined) {
      expect(['http', 'https']).toContain(scheme(summary.image));
      expect(summary.image).not.toMatch(/[\s<>"'`\u0000-\u001f\u007f]/);
      expect(imageWarnings).toEqual([]);
    } else {
      expect(imageWarnings).toHaveLength(payload === '' ? 0 : 1);
    }
    expect(summary.date).toBe('2021-11-16T01:12:02.000Z');
  });
});
