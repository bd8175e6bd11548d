import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkContent, type ContentReport } from '@/lib/content/check/check-content';
import { MAX_FILE_BYTES } from '@/lib/sanitize/limits';
import { article, makeTempDir, writeTree } from './temp-tree';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TIME_ZONE = 'Asia/Shanghai';

describe('checkContent on a folder of good and bad articles (in this thread)', () => {
  let root: string;
  let publicDir: string;
  let report: ContentReport;
  const jsMarker = path.join(os.tmpdir(), `check-content-js-pwned-${process.pid}`);

  beforeAll(async () => {
    root = await makeTempDir('news-check-');
    publicDir = await makeTempDir('news-check-');
    await writeTree(publicDir, { 'images/here.png': 'png' });
    await writeTree(root, {
      'good.md': article('title: Good\ndate: 2021-01-01T10:00:00+08:00\ncategories: [A, B]\ntags: [t1, t2]'),
      'yaml-error.md': article('title: Broken\ndate: 2021-01-01 10:00:00\n  bad: indent'),
      'no-title.md': article('date: 2021-01-02T10:00:00+08:00\ncategories: A'),
      'bad-date.md': article('title: Bad date\ntags: [t1]\ndate: 2021-13-45'),
      'wall-time.md': article('title: Wall time\ndate: 2021-11-16 09:12:02\ntags: t3'),
      'odd-taxonomy.md': article(
        'title: Odd\ndate: 2021-01-03T00:00:00Z\ncategories:\n  a: 1\ntags:\n  - 2021\n  - {x: y}\n  - [nested]',
      ),
      'object-tags.md': article('title: Object tags\ndate: 2021-01-03T00:00:00Z\ntags:\n  x: 1'),
      'dup-a.md': article('title: Dup A\nslug: same\ndate: 2021-01-04T00:00:00Z'),
      'dup-b.md': article('title: Dup B\nslug: same\ndate: 2021-01-05T00:00:00Z'),
      'bad-image.md': article('title: Bad image\ndate: 2021-01-06T00:00:00Z\nimage: "javascript:alert(1)"'),
      'missing-image.md': article('title: Missing image\ndate: 2021-01-07T00:00:00Z\nthumbnail: images/none.png'),
      'present-image.md': article('title: Present image\ndate: 2021-01-08T00:00:00Z\ncover: images/here.png'),
      'code.md': `---js\n({ title: (require('fs').writeFileSync(${JSON.stringify(jsMarker)}, 'x'), 'pwned') })\n---\nbody\n`,
      'hexo.md': article(
        'title: Hexo\ndate: 2021-01-09T00:00:00Z',
        'Intro\n\n{% asset_img a.png %}\n\ntext {% asset_img b.png "caption" %}\n\n{%- youtube abc -%}\n\n{% note %}x{% endnote %}',
      ),
      'active.md': article(
        'title: Active\ndate: 2021-01-10T00:00:00Z',
        '<p onclick="x()">a</p><script>alert(1)</script><a href="javascript:alert(2)">l</a>',
      ),
      'style-only.md': article(
        'title: Style only\ndate: 2021-01-11T00:00:00Z',
        '<p style="color:red">a</p><p style="margin:0" class="c">b</p>',
      ),
      'deep.md': article('title: Deep\ndate: 2021-01-12T00:00:00Z', `${'<div>'.repeat(100_000)}x`),
      'draft-flag.md': article('title: Draft flag\ndate: 2021-01-13T00:00:00Z\ndraft: true\ntags: [draft-tag]'),
      '_drafts/wip.md': article('title: Work in progress\ndate: 2021-01-14T00:00:00Z\ncategories: [Drafts]'),
    });
    report = await checkContent(root, { timeZone: TIME_ZONE, publicDir, contentDir: root });
  });

  const problemsOf = (file: string) => report.problems.filter((p) => p.file === file);

  test('every problem, sorted by file and line', () => {
    expect(report.problems.map((p) => [p.file, p.severity, p.kind, p.line])).toEqual([
      ['active.md', 'warning', 'sanitized', 5],
      ['bad-date.md', 'warning', 'date', 4],
      ['bad-image.md', 'warning', 'image', 4],
      ['code.md', 'error', 'code-front-matter', 1],
      ['deep.md', 'error', 'body', 5],
      ['dup-b.md', 'warning', 'duplicate-slug', undefined],
      ['hexo.md', 'warning', 'asset-missing', 7],
      ['hexo.md', 'warning', 'asset-missing', 9],
      ['hexo.md', 'warning', 'hexo-tag', 11],
      ['hexo.md', 'warning', 'hexo-tag', 13],
      ['missing-image.md', 'warning', 'image-missing', undefined],
      ['no-title.md', 'warning', 'title', undefined],
      ['object-tags.md', 'warning', 'tags', 4],
      ['odd-taxonomy.md', 'warning', 'categories', 4],
      ['odd-taxonomy.md', 'warning', 'tags', 6],
      ['style-only.md', 'notice', 'sanitized', 5],
      ['wall-time.md', 'notice', 'date-zone', 3],
      ['yaml-error.md', 'error', 'yaml', 4],
    ]);
  });

  test('invalid YAML is an error at the line of the mistake', () => {
    expect(problemsOf('yaml-error.md')).toEqual([
      {
        file: 'yaml-error.md',
        severity: 'error',
        kind: 'yaml',
        line: 4,
        reason: 'front matter is not valid YAML: bad indentation of a mapping entry',
      },
    ]);
  });

  test('a missing title is a warning; the file name is used', () => {
    expect(problemsOf('no-title.md')).toEqual([
      { file: 'no-title.md', severity: 'warning', kind: 'title', reason: 'no title; the file name is used instead' },
    ]);
  });

  test("an invalid date is a warning at the line of `date:`, naming the file's date used instead", async () => {
    const stat = await fs.stat(path.join(root, 'bad-date.md'));
    const [source, date] = stat.birthtimeMs > 0 ? ['creation', stat.birthtime] : ['modification', stat.mtime];
    expect(problemsOf('bad-date.md')).toEqual([
      {
        file: 'bad-date.md',
        severity: 'warning',
        kind: 'date',
        line: 4,
        reason: `date month 13 does not exist; the file's ${source} time (${date.toISOString()}) is used instead`,
      },
    ]);
  });

  test('a date without a zone is a notice', () => {
    expect(problemsOf('wall-time.md')).toEqual([
      {
        file: 'wall-time.md',
        severity: 'notice',
        kind: 'date-zone',
        line: 3,
        reason: 'date has no time zone; it is read as Asia/Shanghai time (SITE_TIMEZONE)',
      },
    ]);
  });

  test('categories as an object and tags that are not names are warnings at their lines; numbers are names', () => {
    expect(problemsOf('odd-taxonomy.md')).toEqual([
      {
        file: 'odd-taxonomy.md',
        severity: 'warning',
        kind: 'categories',
        line: 4,
        reason: 'categories: expected a name or a list, got an object',
      },
      {
        file: 'odd-taxonomy.md',
        severity: 'warning',
        kind: 'tags',
        line: 6,
        reason: 'tags: ignored entries that are not names (an object, a list)',
      },
    ]);
    expect(problemsOf('object-tags.md')).toEqual([
      {
        file: 'object-tags.md',
        severity: 'warning',
        kind: 'tags',
        line: 4,
        reason: 'tags: expected a name or a list, got an object',
      },
    ]);
  });

  test('two files with the same slug: the second one is warned about', () => {
    expect(problemsOf('dup-a.md')).toEqual([]);
    expect(problemsOf('dup-b.md')).toEqual([
      {
        file: 'dup-b.md',
        severity: 'warning',
        kind: 'duplicate-slug',
        reason: 'slug "same" is already used by dup-a.md; this article is at "same-2"',
      },
    ]);
  });

  test('an unsafe front-matter image is a warning of kind image', () => {
    expect(problemsOf('bad-image.md')).toEqual([
      {
        file: 'bad-image.md',
        severity: 'warning',
        kind: 'image',
        line: 4,
        reason: 'image: "javascript:alert(1)" is not an http(s) or relative image URL; ignored',
      },
    ]);
  });

  test('a relative front-matter image is looked for in publicDir, from the site root', () => {
    expect(problemsOf('missing-image.md')).toEqual([
      {
        file: 'missing-image.md',
        severity: 'warning',
        kind: 'image-missing',
        reason:
          'front matter image "/images/none.png" is neither in public/ nor a file the site serves from the content folder',
      },
    ]);
    expect(problemsOf('present-image.md')).toEqual([]);
  });

  test('---js front matter is an error on line 1 and is never run', () => {
    expect(problemsOf('code.md')).toEqual([
      {
        file: 'code.md',
        severity: 'error',
        kind: 'code-front-matter',
        line: 1,
        reason: '"---js" front matter is not allowed: only YAML is read, code is never evaluated',
      },
    ]);
    expect(existsSync(jsMarker)).toBe(false);
  });

  test('Hexo tags: one warning per tag name, at the line of its first use, with the count; asset tags missing their file', () => {
    expect(problemsOf('hexo.md')).toEqual([
      {
        file: 'hexo.md',
        severity: 'warning',
        kind: 'asset-missing',
        line: 7,
        reason: '{% asset_img a.png %}: no such file in the asset folder hexo/; the tag shows nothing',
      },
      {
        file: 'hexo.md',
        severity: 'warning',
        kind: 'asset-missing',
        line: 9,
        reason: '{% asset_img b.png caption %}: no such file in the asset folder hexo/; the tag shows nothing',
      },
      {
        file: 'hexo.md',
        severity: 'warning',
        kind: 'hexo-tag',
        line: 11,
        reason: 'Hexo tag {% youtube %} is shown as text: Hexo plugins are not run here',
      },
      {
        file: 'hexo.md',
        severity: 'warning',
        kind: 'hexo-tag',
        line: 13,
        // Its {% endnote %} is not a tag of its own.
        reason: 'Hexo tag {% note %} is shown as text: Hexo plugins are not run here',
      },
    ]);
  });

  test('a body with a script, an event handler and a javascript: link: a warning', () => {
    expect(problemsOf('active.md')).toEqual([
      {
        file: 'active.md',
        severity: 'warning',
        kind: 'sanitized',
        line: 5,
        reason:
          'sanitizing removed 1 element(s), 1 attribute(s), 1 URL(s), including active content (scripts, forms, event handlers or unsafe URLs)',
      },
    ]);
  });

  test('a body with only presentational attributes: a notice', () => {
    expect(problemsOf('style-only.md')).toEqual([
      {
        file: 'style-only.md',
        severity: 'notice',
        kind: 'sanitized',
        line: 5,
        reason: 'sanitizing removed 3 attribute(s)',
      },
    ]);
  });

  test('a body nested 100,000 elements deep is an error', () => {
    expect(problemsOf('deep.md')).toEqual([
      {
        file: 'deep.md',
        severity: 'error',
        kind: 'body',
        line: 5,
        reason: 'HTML is nested more than 256 elements deep; the body is not shown',
      },
    ]);
  });

  test('good files, drafts and a present image have no problems', () => {
    for (const file of ['good.md', 'present-image.md', 'draft-flag.md', '_drafts/wip.md']) {
      expect(problemsOf(file)).toEqual([]);
    }
  });

  test('summary numbers', () => {
    expect({
      root: report.root,
      files: report.files,
      articles: report.articles,
      drafts: report.drafts,
      categories: report.categories,
      tags: report.tags,
      bySeverity: report.bySeverity,
      byKind: report.byKind,
      removed: report.removed,
    }).toEqual({
      root,
      files: 19,
      // 19 files, 2 not readable as articles (YAML, ---js), 2 drafts.
      articles: 15,
      drafts: 2,
      // A, A/B (good.md and no-title.md); the draft's category is not counted.
      categories: 2,
      // t1, t2, t3, 2021; not draft-tag.
      tags: 4,
      bySeverity: { error: 3, warning: 13, notice: 2 },
      byKind: {
        sanitized: 2,
        date: 1,
        image: 1,
        'code-front-matter': 1,
        body: 1,
        'duplicate-slug': 1,
        'hexo-tag': 2,
        'asset-missing': 2,
        'image-missing': 1,
        title: 1,
        tags: 2,
        categories: 1,
        'date-zone': 1,
        yaml: 1,
      },
      removed: { elements: 1, attributes: 4, urls: 1, articles: 2 },
    });
  });

  test('what sanitizing removed, per file', () => {
    expect(report.sanitized).toEqual([
      {
        file: 'active.md',
        changes: [
          { action: 'removed', target: 'attribute', tag: 'p', attribute: 'onclick', reason: 'event-handler', count: 1 },
          { action: 'removed', target: 'element', tag: 'script', reason: 'element-not-allowed-with-content', count: 1 },
          {
            action: 'removed',
            target: 'url',
            tag: 'a',
            attribute: 'href',
            value: 'javascript:alert(2)',
            reason: 'unsafe-url',
            count: 1,
          },
        ],
      },
      {
        file: 'style-only.md',
        changes: [
          {
            action: 'removed',
            target: 'attribute',
            tag: 'p',
            attribute: 'style',
            reason: 'attribute-not-allowed',
            count: 2,
          },
          {
            action: 'removed',
            target: 'attribute',
            tag: 'p',
            attribute: 'class',
            reason: 'attribute-not-allowed',
            count: 1,
          },
        ],
      },
    ]);
  });

  test('progress is reported for every article judged', async () => {
    const calls: [number, number][] = [];
    await checkContent(root, {
      timeZone: TIME_ZONE,
      publicDir,
      contentDir: root,
      onProgress: (done, total) => calls.push([done, total]),
    });
    // 19 files, of which 2 are not articles (broken YAML, ---js).
    expect(calls).toEqual(Array.from({ length: 17 }, (_, i) => [i + 1, 17]));
  });
});

describe('what the checker judges in each article', () => {
  let root: string;
  let publicDir: string;
  let report: ContentReport;
  const problemsOf = (file: string) => report.problems.filter((p) => p.file === file);

  beforeAll(async () => {
    root = await makeTempDir('news-check-');
    publicDir = await makeTempDir('news-check-');
    await writeTree(publicDir, { 'images/public.png': 'png' });
    await writeTree(root, {
      'body-images.md': article(
        'title: Body images\ndate: 2021-01-01T00:00:00Z',
        '<p><img src="there.png"><img src="图片.png"><img src="gone.png"><img src="/images/in-content.png">' +
          '<img src="/images/public.png"><img src="/images/not-anywhere.png">' +
          '<img src="https://x.example/a.png"><img src="//cdn.example/b.png"></p>',
      ),
      'body-images/there.png': 'png',
      'body-images/图片.png': 'png',
      'images/in-content.png': 'png',
      'crlf.md':
        '---\r\ntitle: CRLF\r\ndate: 2021-01-01T00:00:00Z\r\n---\r\n\r\nline\r\n\r\n{% raw %}x{% endraw %}\r\n',
      'ok.md': article('title: OK\ndate: 2021-01-01T00:00:00Z\ncategories: [A]\ntags: [t]\nslug: Fine/Slug'),
      'many-tags.md': article(
        'title: Many tags\ndate: 2021-01-01T00:00:00Z',
        Array.from({ length: 25 }, (_, i) => `{% t${i} %}`).join('\n') + '\n{% asset_img a.png "50%" %}',
      ),
      'unclosed-tags.md': article('title: Unclosed\ndate: 2021-01-01T00:00:00Z', `${'{%a'.repeat(20_000)}\n{% late %}`),
      'form.md': article(
        'title: Form\ndate: 2021-01-01T00:00:00Z',
        '<p>x</p><form action="https://phish.example/"><input type="password"></form>',
      ),
      'huge.md': article('title: Huge\ndate: 2021-01-01T00:00:00Z', `<p>${'x'.repeat(MAX_FILE_BYTES)}</p>`),
    });
    // Root reads any file whatever its mode; /proc/self/mem is a regular file whose first read fails for anyone.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await fs.symlink('/proc/self/mem', path.join(root, 'locked.md'));
    else {
      await writeTree(root, { 'locked.md': article('title: Locked') });
      await fs.chmod(path.join(root, 'locked.md'), 0o000);
    }
    report = await checkContent(root, { timeZone: TIME_ZONE, publicDir, contentDir: root });
  });

  test('Hexo tags: at most 20 names listed, the rest summed up; a % inside arguments is fine', async () => {
    const problems = problemsOf('many-tags.md');
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      ...Array.from({ length: 20 }, (_, i) => [
        5 + i,
        `Hexo tag {% t${i} %} is shown as text: Hexo plugins are not run here`,
      ]),
      [25, '5 more kinds of Hexo tag are shown as text'],
      // The asset tag is rendered, not shown as text: its `50%` does not end it early.
      [30, '{% asset_img a.png 50% %}: no such file in the asset folder many-tags/; the tag shows nothing'],
    ]);
  });

  test('a body full of {% that never close is scanned to its end: the tag after them is found, on its line', async () => {
    const problems = problemsOf('unclosed-tags.md');
    expect(problems.map((p) => [p.kind, p.line, p.reason])).toEqual([
      ['hexo-tag', 6, 'Hexo tag {% late %} is shown as text: Hexo plugins are not run here'],
    ]);
  });

  test('a form removed from a body is a warning, though nothing in it was a script', async () => {
    const problems = problemsOf('form.md');
    expect(problems.map((p) => [p.severity, p.kind, p.reason])).toEqual([
      [
        'warning',
        'sanitized',
        'sanitizing removed 2 element(s), including active content (scripts, forms, event handlers or unsafe URLs)',
      ],
    ]);
  });

  test('a good file: no problems, nothing sanitized', async () => {
    expect(problemsOf('ok.md')).toEqual([]);
    expect(report.sanitized.map((s) => s.file)).not.toContain('ok.md');
  });

  test('body images are looked for where the site serves them: public/, the asset folder, the content folder', async () => {
    expect(problemsOf('body-images.md')).toEqual([
      {
        file: 'body-images.md',
        severity: 'warning',
        kind: 'image-missing',
        reason:
          'body image "/posts/body-images/gone.png" is neither in public/ nor a file the site serves from the content folder',
      },
      {
        file: 'body-images.md',
        severity: 'warning',
        kind: 'image-missing',
        reason:
          'body image "/images/not-anywhere.png" is neither in public/ nor a file the site serves from the content folder',
      },
    ]);
  });

  test('Hexo tag lines are file lines in a CRLF file with a blank line after the front matter', async () => {
    expect(problemsOf('crlf.md')).toEqual([
      {
        file: 'crlf.md',
        severity: 'warning',
        kind: 'hexo-tag',
        line: 8,
        reason: 'Hexo tag {% raw %} is shown as text: Hexo plugins are not run here',
      },
    ]);
  });

  test('a file that cannot be read is an error', async () => {
    expect(problemsOf('locked.md')).toEqual([
      {
        file: 'locked.md',
        severity: 'error',
        kind: 'unreadable',
        reason: `cannot be read: ${process.getuid?.() === 0 ? 'EIO' : 'EACCES'}`,
      },
    ]);
  });

  test('a file over the size limit is listed, its body refused, and said so once', async () => {
    expect(problemsOf('huge.md')).toEqual([
      {
        file: 'huge.md',
        severity: 'error',
        kind: 'body',
        reason: 'file is 4.0 MiB, over the 4 MiB limit; the article is listed but its body is not shown',
      },
    ]);
  });
});

/** Runs the checker's command line as `npm run check:content` does, from the project folder. */
function runCli(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      '--conditions=react-server',
      'scripts/check-content.ts',
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SITE_TIMEZONE: TIME_ZONE },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 50_000,
    },
  );
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLI_TIMEOUT = 60_000;

describe('the check:content command line', () => {
  let big: string;
  let warningsOnly: string;
  let withError: string;

  beforeAll(async () => {
    big = await makeTempDir('news-check-');
    const files: Record<string, string> = {};
    for (let i = 0; i < 320; i++) {
      const n = String(i).padStart(3, '0');
      files[`${i % 4}/post-${n}.md`] = article(
        `title: Post ${n}\ndate: 2021-01-01T00:00:00Z\ncategories: [C${i % 5}, S${i % 3}]\ntags: [t${i % 7}]`,
        `Paragraph ${n} with **bold** text.\n\n- a\n- b\n`,
      );
    }
    Object.assign(files, {
      'bad/yaml.md': article('title: Broken\ndate: 2021-01-01 10:00:00\n  bad: indent'),
      'bad/no-title.md': article('date: 2021-01-02T10:00:00+08:00'),
      'bad/wall.md': article('title: Wall\ndate: 2021-01-02 10:00:00'),
      'bad/active.md': article('title: Active\ndate: 2021-01-03T00:00:00Z', '<p onclick="x()">a</p><script>1</script>'),
      'bad/style.md': article('title: Style\ndate: 2021-01-03T00:00:00Z', '<p style="color:red">a</p>'),
      'bad/hexo.md': article('title: Hexo\ndate: 2021-01-03T00:00:00Z', 'a\n\n{% asset_img a.png %}'),
      'bad/image.md': article('title: Image\ndate: 2021-01-03T00:00:00Z\ncover: images/none.png'),
      'bad/dup.md': article('title: Dup\ndate: 2021-01-03T00:00:00Z\nslug: 0/post-000'),
      '_drafts/wip.md': article('title: WIP\ndate: 2021-01-03T00:00:00Z\ntags: [draft-only]'),
    });
    await writeTree(big, files);

    warningsOnly = await makeTempDir('news-check-');
    await writeTree(warningsOnly, {
      'good.md': article('title: Good\ndate: 2021-01-01T00:00:00Z'),
      'no-title.md': article('date: 2021-01-02T00:00:00Z'),
      'wall.md': article('title: Wall\ndate: 2021-01-03 10:00:00'),
    });

    withError = await makeTempDir('news-check-');
    await writeTree(withError, {
      'good.md': article('title: Good\ndate: 2021-01-01T00:00:00Z'),
      'broken.md': article('title: [unclosed\ndate: 2021-01-01T00:00:00Z'),
    });
  });

  test(
    '--json on 329 files gives the same report as checking in this process',
    async () => {
      const { status, stdout, stderr } = runCli([big, '--json']);
      expect(stderr).toBe('');
      expect(status).toBe(1);
      const { seconds, ...fromCli } = JSON.parse(stdout) as ContentReport & { seconds: number };
      expect(typeof seconds).toBe('number');

      const inline = await checkContent(big, {
        timeZone: TIME_ZONE,
        publicDir: path.join(ROOT, 'public'),
        contentDir: big,
      });
      expect(fromCli).toEqual(JSON.parse(JSON.stringify(inline)));

      // The report is not trivially equal: it holds every kind of problem the folder has.
      expect(inline.files).toBe(329);
      expect(inline.articles).toBe(327);
      expect(inline.drafts).toBe(1);
      expect(inline.categories).toBe(5 + 15);
      expect(inline.tags).toBe(7);
      expect(inline.bySeverity).toEqual({ error: 1, warning: 5, notice: 2 });
      expect(inline.problems.map((p) => [p.file, p.kind, p.line])).toEqual([
        ['bad/active.md', 'sanitized', 5],
        ['bad/dup.md', 'duplicate-slug', undefined],
        ['bad/hexo.md', 'asset-missing', 7],
        ['bad/image.md', 'image-missing', undefined],
        ['bad/no-title.md', 'title', undefined],
        ['bad/style.md', 'sanitized', 5],
        ['bad/wall.md', 'date-zone', 3],
        ['bad/yaml.md', 'yaml', 4],
      ]);
      expect(inline.removed).toEqual({ elements: 1, attributes: 2, urls: 0, articles: 2 });
      expect(inline.sanitized.map((s) => s.file)).toEqual(['bad/active.md', 'bad/style.md']);
    },
    CLI_TIMEOUT,
  );

  test(
    'only warnings: exit code 0, problems listed as text, notices counted',
    () => {
      const { status, stdout } = runCli([warningsOnly]);
      expect(status).toBe(0);
      const lines = stdout.split('\n');
      expect(lines[0]).toBe('warning: no-title.md: no title; the file name is used instead');
      expect(lines[1]).toBe('');
      expect(lines[2]).toMatch(
        new RegExp(`^Checked 3 files in ${warningsOnly.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d+\\.\\d s$`),
      );
      expect(lines.slice(3)).toEqual([
        '  3 articles, 0 drafts, 0 categories, 0 tags',
        '  0 errors, 1 warning, 1 notice',
        '  by kind: date-zone 1, title 1',
        '  notices are not listed: add --verbose to see them',
        '',
      ]);
    },
    CLI_TIMEOUT,
  );

  test(
    'only warnings with --strict: exit code 1',
    () => {
      const { status, stdout } = runCli([warningsOnly, '--strict', '--json']);
      expect(status).toBe(1);
      expect((JSON.parse(stdout) as ContentReport).bySeverity).toEqual({ error: 0, warning: 1, notice: 1 });
    },
    CLI_TIMEOUT,
  );

  test(
    'an error: exit code 1',
    () => {
      const { status, stdout } = runCli([withError]);
      expect(status).toBe(1);
      expect(stdout.split('\n')[0]).toMatch(/^error: broken\.md:3: front matter is not valid YAML: /);
    },
    CLI_TIMEOUT,
  );

  test(
    'a missing folder: exit code 2 and the reason on stderr',
    () => {
      const missing = path.join(withError, 'missing');
      const { status, stdout, stderr } = runCli([missing, '--json']);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(
        `check:content: content folder ${missing} does not exist or is not a folder: set CONTENT_DIR`,
      );
    },
    CLI_TIMEOUT,
  );
});

describe('checkContent reports old addresses two published articles share', () => {
  test('the later file in path order is warned about; a draft is not checked against them', async () => {
    const root = await makeTempDir('news-check-permalink-');
    await writeTree(root, {
      'a.md': article('title: A\ndate: 2021-01-01T10:00:00+08:00\npermalink: /old/page.html'),
      'b.md': article('title: B\ndate: 2021-01-02T10:00:00+08:00\npermalink: old/page.html'),
      '_drafts/c.md': article('title: C\ndate: 2021-01-03T10:00:00+08:00\npermalink: /old/page.html'),
    });
    const report = await checkContent(root, { timeZone: TIME_ZONE, publicDir: root, contentDir: root });
    expect(report.problems).toEqual([
      {
        file: 'b.md',
        severity: 'warning',
        kind: 'permalink',
        reason: 'permalink "/old/page.html" is already a.md\'s; not redirected here',
      },
    ]);
  });
});
