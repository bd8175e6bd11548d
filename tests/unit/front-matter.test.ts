import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { normalizeFrontMatter, type FrontMatter } from '@/lib/content/front-matter';
import { FrontMatterError, lineOfKey, readFrontMatter } from '@/lib/content/read-front-matter';

const SEED = path.resolve(import.meta.dirname, '../../content/chongqing-talent-conference-2021.md');
const TZ = 'Asia/Shanghai';

function frontMatterError(text: string): FrontMatterError {
  try {
    readFrontMatter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FrontMatterError);
    return error as FrontMatterError;
  }
  throw new Error('expected readFrontMatter to throw');
}

describe('readFrontMatter', () => {
  test('the seed article: blank line before the opening ---', () => {
    const { data, body } = readFrontMatter(fs.readFileSync(SEED, 'utf8'));
    expect(data).toEqual({
      title: '2021重庆英才大会将于11月20—21日举办',
      categories: ['新媒体', '趣头条', '分类'],
      headimg:
        'https://cors.zfour.workers.dev/?http://static.1sapp.com/qupost/img/2021/11/16/4d3b4b9b2d20576a465a27130bf75afb.jpeg',
      author: '趣头条',
      comments: false,
      date: 'Tue, 16 Nov 2021 09:12:02 GMT',
      thumbnail:
        'https://cors.zfour.workers.dev/?http://static.1sapp.com/qupost/img/2021/11/16/4d3b4b9b2d20576a465a27130bf75afb.jpeg',
    });
    expect(body.startsWith('<div>   \n<p>11月16日，记者从2021重庆英才大会新闻发布会上了解到')).toBe(true);
  });

  test('a byte order mark before the front matter', () => {
    expect(readFrontMatter('\uFEFF---\ntitle: A\n---\nbody\n')).toMatchObject({ data: { title: 'A' }, body: 'body\n' });
  });

  test('CRLF line endings, in the front matter and the body', () => {
    expect(readFrontMatter('---\r\ntitle: A\r\ntags: [x, y]\r\n---\r\n\r\nline 1\r\nline 2\r\n')).toEqual({
      data: { title: 'A', tags: ['x', 'y'] },
      body: 'line 1\nline 2\n',
      frontMatter: 'title: A\ntags: [x, y]',
      frontMatterLine: 2,
      bodyLine: 6,
    });
  });

  test('no front matter: the whole text is the body', () => {
    expect(readFrontMatter('# Just Markdown\n\ntext\n')).toMatchObject({
      data: {},
      body: '# Just Markdown\n\ntext\n',
      bodyLine: 1,
    });
  });

  test('empty front matter', () => {
    expect(readFrontMatter('---\n---\nbody')).toMatchObject({ data: {}, body: 'body', bodyLine: 3 });
  });

  test('front matter never closed', () => {
    expect(frontMatterError('---\ntitle: A\n\nbody without an end\n').message).toBe(
      'front matter opened with --- is never closed',
    );
  });

  test('lines are counted in the file: blank lines before ---, the YAML error, the body', () => {
    const raw = readFrontMatter('\n\n---\ntitle: A\ndate: 2021-01-01\n---\n\nbody\n');
    expect([raw.frontMatterLine, raw.bodyLine]).toEqual([4, 8]);
    expect(lineOfKey(raw, 'date')).toBe(5);
    expect(lineOfKey(raw, 'tags')).toBeUndefined();
    const error = frontMatterError('\n---\ntitle: ok\ntags: [a\nauthor: x\n---\nbody\n');
    expect([error.kind, error.line]).toEqual(['yaml', 5]);
  });

  test('NUL bytes: a binary file', () => {
    expect(frontMatterError('---\ntitle: A\n---\n\u0000\u0001').message).toBe(
      'file contains NUL bytes: it is binary, not Markdown',
    );
  });

  describe('code front matter is refused, never evaluated', () => {
    const marker = path.join(os.tmpdir(), `front-matter-pwned-${process.pid}`);
    const flag = '__frontMatterPwned';
    afterEach(() => {
      fs.rmSync(marker, { force: true });
      delete (globalThis as Record<string, unknown>)[flag];
    });

    const js = `({ title: (globalThis.${flag} = true, require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'pwned') })`;
    const coffee = `title: (globalThis.${flag} = true; require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'))`;

    test.each([
      ['js', js],
      ['javascript', js],
      ['coffee', coffee],
      ['coffeescript', coffee],
      ['JS', js],
      [' js ', js],
    ])('---%s', (language, payload) => {
      const error = frontMatterError(`---${language}\n${payload}\n---\nbody\n`);
      const name = language.trim().toLowerCase();
      expect(error.message).toBe(
        `"---${name}" front matter is not allowed: only YAML is read, code is never evaluated`,
      );
      expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
      expect(fs.existsSync(marker)).toBe(false);
    });

    test('a YAML !!js/function tag is a YAML error, not a function', () => {
      const error = frontMatterError(`---\ntitle: !!js/function "function () { globalThis.${flag} = true }"\n---\n`);
      expect(error.message).toMatch(/^front matter is not valid YAML: unknown tag !<tag:yaml.org,2002:js\/function>/);
      expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
    });
  });

  test('YAML syntax error', () => {
    const error = frontMatterError('---\ntitle: [unclosed\n---\nbody\n');
    expect(error.message).toMatch(/^front matter is not valid YAML: /);
    expect(error.message).not.toContain('\n');
  });

  test('YAML that is a list', () => {
    expect(frontMatterError('---\n- a\n- b\n---\nbody\n').message).toBe(
      'front matter must be a YAML mapping of keys to values',
    );
  });

  test('YAML that is a scalar', () => {
    expect(frontMatterError('---\njust a sentence\n---\nbody\n').message).toBe(
      'front matter must be a YAML mapping of keys to values',
    );
  });

  test('dates stay strings (core schema: no timestamp type), numbers stay numbers, yes stays text', () => {
    const { data } = readFrontMatter(
      '---\ndate: 2021-10-28 14:08:07\nupdated: 2021-10-28T14:08:07Z\nday: 2021-10-28\ntitle: 2021\nanswer: yes\n---\n',
    );
    expect(data).toStrictEqual({
      date: '2021-10-28 14:08:07',
      updated: '2021-10-28T14:08:07Z',
      day: '2021-10-28',
      title: 2021,
      answer: 'yes',
    });
  });
});

function normalized(data: Record<string, unknown>): { value: FrontMatter; warnings: string[] } {
  const result = normalizeFrontMatter(data, TZ);
  return { value: result.value, warnings: result.warnings.map((w) => w.message) };
}

describe('normalizeFrontMatter', () => {
  test('empty front matter gives the defaults', () => {
    expect(normalizeFrontMatter({}, TZ)).toEqual({
      warnings: [],
      value: { dateIsWallTime: false, categories: [], tags: [], draft: false, comments: true },
    });
  });

  test('the seed article', () => {
    const { value, warnings } = normalized(readFrontMatter(fs.readFileSync(SEED, 'utf8')).data);
    expect(warnings).toEqual([]);
    expect(value.title).toBe('2021重庆英才大会将于11月20—21日举办');
    expect(value.date?.toISOString()).toBe('2021-11-16T09:12:02.000Z');
    expect(value.dateIsWallTime).toBe(false);
    expect(value.categories).toEqual([['新媒体', '趣头条', '分类']]);
    expect(value.author).toBe('趣头条');
    expect(value.comments).toBe(false);
    expect(value.image).toBe(
      'https://cors.zfour.workers.dev/?http://static.1sapp.com/qupost/img/2021/11/16/4d3b4b9b2d20576a465a27130bf75afb.jpeg',
    );
  });

  describe('title', () => {
    test('a number becomes text', () => {
      expect(normalized({ title: 2021 }).value.title).toBe('2021');
    });

    test('whitespace is collapsed and trimmed', () => {
      expect(normalized({ title: '  Two\n  lines\tand  tabs  ' }).value.title).toBe('Two lines and tabs');
    });

    test('HTML entities are decoded, every one of them: the title is text, never markup', () => {
      const title = 'A&amp;B &copy; &eacute;t&eacute; &#x4e2d;&#25991; &ldquo;&lt;script&gt;&rdquo;&nbsp;&hellip;';
      expect(normalized({ title }).value.title).toBe('A&B © été 中文 “<script>” …');
    });

    test('entities are decoded once: `&amp;amp;` is the text `&amp;`', () => {
      expect(normalized({ title: '&amp;amp; &amp;lt;' }).value.title).toBe('&amp; &lt;');
    });

    test('a blank title is no title', () => {
      expect(normalized({ title: '   ' }).value.title).toBeUndefined();
    });

    test('a title over 300 characters is cut, with a warning', () => {
      const { value, warnings } = normalized({ title: '长'.repeat(400) });
      expect(value.title).toBe('长'.repeat(300));
      expect(warnings).toEqual(['title: longer than 300 characters; cut']);
    });

    test('a title that is not text is ignored with a warning', () => {
      const { value, warnings } = normalized({ title: ['a', 'b'] });
      expect(value.title).toBeUndefined();
      expect(warnings).toEqual(['title: expected text, got a list']);
    });
  });

  test('slug and permalink are trimmed text, entities and all (they are addresses, not prose)', () => {
    const { value } = normalized({ slug: ' my-slug&amp; ', permalink: 'p/1' });
    expect(value.slug).toBe('my-slug&amp;');
    expect(value.permalink).toBe('p/1');
  });

  test('descriptions, excerpts and authors decode HTML entities', () => {
    expect(normalized({ description: 'R&amp;D &mdash; &#x4e2d;' }).value.description).toBe('R&D — 中');
    expect(normalized({ excerpt: '&quot;&yen;5&quot;' }).value.description).toBe('"¥5"');
    expect(normalized({ author: { name: 'AT&amp;T' } }).value.author).toBe('AT&T');
  });

  describe('author', () => {
    test('a string', () => {
      expect(normalized({ author: ' 趣头条 ' }).value.author).toBe('趣头条');
    });

    test('an object with a name', () => {
      expect(normalized({ author: { name: 'Li Wei', email: 'li@example.com' } }).value.author).toBe('Li Wei');
    });

    test('an object without a name is ignored with a warning', () => {
      const { value, warnings } = normalized({ author: { email: 'li@example.com' } });
      expect(value.author).toBeUndefined();
      expect(warnings).toEqual(['author: expected text, got an object']);
    });
  });

  describe('description and excerpt', () => {
    test('excerpt wins over description', () => {
      expect(normalized({ description: 'the description', excerpt: 'the excerpt' }).value.description).toBe(
        'the excerpt',
      );
    });

    test('description alone', () => {
      expect(normalized({ description: 'the description' }).value.description).toBe('the description');
    });

    test('an empty excerpt falls back to the description', () => {
      expect(normalized({ description: 'the description', excerpt: '' }).value.description).toBe('the description');
    });
  });

  describe('draft, published, comments', () => {
    test.each([
      [{ draft: true }, true],
      [{ draft: 'true' }, true],
      [{ draft: false }, false],
      [{ published: false }, true],
      [{ published: 'false' }, true],
      [{ published: true }, false],
      [{ draft: false, published: false }, true],
    ])('%j → draft %s', (data, draft) => {
      expect(normalized(data).value.draft).toBe(draft);
    });

    test('yes/no, on/off and 1/0 are read as YAML 1.1 (and Hexo) read them', () => {
      expect(normalized({ draft: 'yes' }).value.draft).toBe(true);
      expect(normalized({ draft: 'Off' }).value.draft).toBe(false);
      expect(normalized({ published: 'no' }).value.draft).toBe(true);
      expect(normalized({ draft: 1 }).value.draft).toBe(true);
      expect(normalized({ published: '1' }).value.draft).toBe(false);
    });

    test('an unreadable draft flag keeps the article a draft, with a warning', () => {
      const draft = normalized({ draft: 'maybe' });
      expect(draft.value.draft).toBe(true);
      expect(draft.warnings).toEqual(['draft: expected true or false, got "maybe"; treated as a draft']);
      const published = normalized({ published: ['x'] });
      expect(published.value.draft).toBe(true);
      expect(published.warnings).toEqual(['published: expected true or false, got a list; treated as a draft']);
    });

    test('an unreadable comments flag is ignored with a warning', () => {
      const { value, warnings } = normalized({ comments: 'perhaps' });
      expect(value.comments).toBe(true);
      expect(warnings).toEqual(['comments: expected true or false, got "perhaps"']);
    });

    test('comments default to on and can be turned off', () => {
      expect(normalized({}).value.comments).toBe(true);
      expect(normalized({ comments: false }).value.comments).toBe(false);
      expect(normalized({ comments: 'false' }).value.comments).toBe(false);
    });
  });

  describe('date and updated', () => {
    test('a Hexo date is wall time in the site time zone', () => {
      const { value } = normalized({ date: '2021-10-28 14:08:07' });
      expect(value.date?.toISOString()).toBe('2021-10-28T06:08:07.000Z');
      expect(value.dateIsWallTime).toBe(true);
    });

    test.each([
      ['2021-13-45', 'date month 13 does not exist'],
      ['Invalid Date', 'date "Invalid Date" is not a recognised date format'],
      ['0000-01-01', 'date year 0 is outside 1900–2100'],
    ])('an invalid date (%s) leaves the date unset, with the reason', (date, reason) => {
      const { value, warnings } = normalized({ title: 'A', date });
      expect(value.date).toBeUndefined();
      expect(value.invalidDate).toMatch(new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(value.title).toBe('A');
      expect(warnings).toEqual([]);
    });

    test('an invalid updated date is ignored with a warning', () => {
      const { value, warnings } = normalized({ date: '2021-10-28', updated: 'yesterday' });
      expect(value.updated).toBeUndefined();
      expect(warnings).toEqual([
        'updated: "yesterday" is not a recognised date format (use 2021-10-28 14:08:07, ISO 8601 or RFC 2822); ignored',
      ]);
    });

    test('a valid updated date', () => {
      expect(normalized({ updated: '2021-11-01T00:00:00Z' }).value.updated?.toISOString()).toBe(
        '2021-11-01T00:00:00.000Z',
      );
    });
  });

  describe('lead image', () => {
    const all = {
      image: 'https://img/image.jpg',
      banner_img: 'https://img/banner.jpg',
      index_img: 'https://img/index.jpg',
      cover: 'https://img/cover.jpg',
      headimg: 'https://img/head.jpg',
      thumbnail: 'https://img/thumb.jpg',
    };

    test.each([
      ['thumbnail', 'https://img/thumb.jpg'],
      ['headimg', 'https://img/head.jpg'],
      ['cover', 'https://img/cover.jpg'],
      ['index_img', 'https://img/index.jpg'],
      ['banner_img', 'https://img/banner.jpg'],
      ['image', 'https://img/image.jpg'],
    ])(
      'order thumbnail > headimg > cover > index_img > banner_img > image: %s wins over the keys after it',
      (key, url) => {
        const keys = Object.keys(all);
        const from = keys.indexOf(key);
        // `all` lists the keys lowest priority first; drop the keys that outrank `key`.
        const data = Object.fromEntries(Object.entries(all).filter(([k]) => keys.indexOf(k) <= from));
        expect(normalized(data).value.image).toBe(url);
      },
    );

    test('the URL is trimmed; a relative URL is accepted', () => {
      expect(normalized({ cover: '  /images/a.png ' }).value.image).toBe('/images/a.png');
    });

    test('a path relative to nothing is made relative to the site root, as Hexo themes read it', () => {
      expect(normalized({ cover: 'images/a.png' }).value.image).toBe('/images/a.png');
      expect(normalized({ cover: './images/a.png' }).value.image).toBe('/images/a.png');
      expect(normalized({ cover: '//cdn.example.com/a.png' }).value.image).toBe('//cdn.example.com/a.png');
      expect(normalized({ cover: 'https://cdn.example.com/a.png' }).value.image).toBe('https://cdn.example.com/a.png');
    });

    test('a javascript: image is rejected with a warning and the next key is used', () => {
      const { value, warnings } = normalized({ thumbnail: 'javascript:alert(1)', cover: 'https://img/cover.jpg' });
      expect(value.image).toBe('https://img/cover.jpg');
      expect(warnings).toEqual(['thumbnail: "javascript:alert(1)" is not an http(s) or relative image URL; ignored']);
    });

    test.each([
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:image/png;base64,AAAA',
      'mailto:a@b.c',
    ])('unsafe image %j is rejected', (url) => {
      const { value, warnings } = normalized({ image: url });
      expect(value.image).toBeUndefined();
      expect(warnings).toEqual([`image: ${JSON.stringify(url)} is not an http(s) or relative image URL; ignored`]);
    });

    test('an image that is not text is rejected with a warning', () => {
      const { value, warnings } = normalized({ cover: { url: 'https://img/a.jpg' } });
      expect(value.image).toBeUndefined();
      expect(warnings).toEqual(['cover: an object is not an http(s) or relative image URL; ignored']);
    });
  });

  describe('categories and tags', () => {
    test('category and tag are read as aliases of categories and tags', () => {
      const { value } = normalized({ category: '科技', tag: 'AI' });
      expect(value.categories).toEqual([['科技']]);
      expect(value.tags).toEqual(['AI']);
    });

    test('wrong types give warnings', () => {
      const { value, warnings } = normalized({ categories: { a: 1 }, tags: [1, null, { a: 1 }, 'x'] });
      expect(value.categories).toEqual([]);
      expect(value.tags).toEqual(['1', 'x']);
      expect(warnings).toEqual([
        'categories: expected a name or a list, got an object',
        'tags: ignored entries that are not names (null, an object)',
      ]);
    });
  });
});

describe('a YAML alias bomb', () => {
  test('is described in bounded time and memory, never expanded', () => {
    // Nine levels of nine aliases: expanded, this is 9^9 strings (JSON.stringify would take minutes).
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const raw = readFrontMatter(`---\n${levels.join('\n')}\ntitle: *i\nthumbnail: *i\ntags: *i\n---\nbody`);
    const { warnings } = normalized(raw.data);
    expect(warnings).toContain('title: expected text, got a list');
    expect(warnings).toContain('thumbnail: a list is not an http(s) or relative image URL; ignored');
  });
});
