// The bad files of the end-to-end content folder, and what the log must say of each. No import.meta
// here: the Playwright specs import this module too, and their transform does not allow it.
import path from 'node:path';

/** Written by a `---js` or `---coffee` front matter if it were ever evaluated. */
export const PWNED_FILE = path.resolve('.e2e/pwned');

const OLD = 'date: 2002-06-01 08:00:00';
const deepHtml = `${'<div>'.repeat(100_000)}深${'</div>'.repeat(100_000)}`;

/**
 * One file for each kind of bad input an editor or a feed aggregator produces, in the Hexo site's
 * _posts/ folder. `reported` is what the log must say of it, once: the path relative to the content
 * folder (the site's source/) and a reason (null: nothing is wrong enough to report).
 */
export const BAD_FILES = {
  'bad/broken-yaml.md': {
    text: '---\ntitle: [unclosed\ndate: 2021-11-01 10:00:00\n---\nbody\n',
    reported: /_posts\/bad\/broken-yaml\.md:3: front matter is not valid YAML/,
  },
  'bad/no-front-matter.md': {
    text: '# 没有前言的文章\n\n只有正文，没有标题和日期。\n',
    reported: /_posts\/bad\/no-front-matter\.md: no title; the file name is used instead/,
  },
  'bad/empty.md': { text: '', reported: /_posts\/bad\/empty\.md: file is empty/ },
  'bad/front-matter-only.md': {
    text: `---\ntitle: 只有前言没有正文\n${OLD}\n---\n`,
    reported: /_posts\/bad\/front-matter-only\.md: no body; the article page shows its title only/,
  },
  'bad/binary.md': {
    text: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x1a, 0x00]),
    reported: /_posts\/bad\/binary\.md: file contains NUL bytes/,
  },
  'bad/bom.md': { text: `\uFEFF---\ntitle: 带字节序标记的文章\n${OLD}\n---\n<p>BOM 正文。</p>\n`, reported: null },
  'bad/crlf.md': {
    text: `---\r\ntitle: Windows 换行的文章\r\n${OLD}\r\ntags: [换行]\r\n---\r\n<p>CRLF 正文。</p>\r\n`,
    reported: null,
  },
  'bad/huge-body.md': {
    text: `---\ntitle: 十兆字节的正文\n${OLD}\n---\n<p>开头。</p>\n${'<p>很长的正文。</p>\n'.repeat(450_000)}`,
    reported: /_posts\/bad\/huge-body\.md: file is 1\d\.\d MiB, over the 4 MiB limit/,
  },
  'bad/deep-nesting.md': {
    text: `---\ntitle: 嵌套十万层\n${OLD}\n---\n${deepHtml}\n`,
    reported: /_posts\/bad\/deep-nesting\.md(?::5)?: HTML is nested more than 256 elements deep; the body is not shown/,
  },
  'bad/long-title.md': {
    text: `---\ntitle: ${'长'.repeat(2000)}\n${OLD}\n---\n<p>标题两千字。</p>\n`,
    reported: /_posts\/bad\/long-title\.md:2: title: longer than 300 characters; cut/,
  },
  'bad/html-fields.md': {
    text: `---\ntitle: "<b>粗体</b></script><script>window.__canaryRan=1</script>"\n${OLD}\ncategories: ["<i>栏目</i></script><script>window.__canaryRan=1</script>"]\ntags: ["</script><script>window.__canaryRan=1</script>"]\n---\n<p>字段里的 HTML。</p>\n`,
    reported: null,
  },
  'bad/categories-number.md': {
    text: `---\ntitle: 数字栏目\n${OLD}\ncategories: 2021\ntags: [42, 3.5]\n---\n<p>数字。</p>\n`,
    reported: null,
  },
  'bad/categories-object.md': {
    text: `---\ntitle: 对象栏目\n${OLD}\ncategories: {a: 1}\ntags: {b: 2}\n---\n<p>对象。</p>\n`,
    reported: /_posts\/bad\/categories-object\.md:4: categories: expected a name or a list, got an object/,
  },
  'bad/categories-null.md': {
    text: `---\ntitle: 空栏目\n${OLD}\ncategories: null\ntags: ~\n---\n<p>空。</p>\n`,
    reported: null,
  },
  // News generators write unparseable dates; Hexo then dates the article by its file's creation time.
  'bad/invalid-date.md': {
    text: '---\ntitle: 日期错误\ndate: 2021-13-45 25:00:00\n---\n正文\n',
    reported:
      /_posts\/bad\/invalid-date\.md:3: date month 13 does not exist; the file's creation time \(.+\) is used instead/,
  },
  'bad/date-invalid-date.md': {
    text: '---\ntitle: 生成器写的日期\ndate: Invalid Date\ncategories: [日期不明]\ntags: [无日期]\n---\n<p>日期不明的新闻。</p>\n',
    reported:
      /_posts\/bad\/date-invalid-date\.md:3: date "Invalid Date" is not a recognised date format .*; the file's creation time/,
  },
  'bad/date-yesterday.md': {
    text: '---\ntitle: 昨天\ndate: yesterday\n---\n正文\n',
    reported: /_posts\/bad\/date-yesterday\.md:3: date "yesterday".*; the file's creation time/,
  },
  'bad/date-year-0.md': {
    text: '---\ntitle: 公元零年\ndate: 0000-01-01\n---\n正文\n',
    reported: /_posts\/bad\/date-year-0\.md:3: date .*; the file's creation time/,
  },
  'bad/date-year-9999.md': {
    text: '---\ntitle: 九九九九年\ndate: 9999-12-31 23:59:59\n---\n正文\n',
    reported: /_posts\/bad\/date-year-9999\.md:3: date .*; the file's creation time/,
  },
  'bad/dup-slug-a.md': { text: `---\ntitle: 重复一\nslug: dup-slug\n${OLD}\n---\n<p>一。</p>\n`, reported: null },
  'bad/dup-slug-b.md': {
    text: `---\ntitle: 重复二\nslug: dup-slug\n${OLD}\n---\n<p>二。</p>\n`,
    reported:
      /_posts\/bad\/dup-slug-b\.md: slug "dup-slug" is already used by _posts\/bad\/dup-slug-a\.md; this article is at "dup-slug-2"/,
  },
  'bad/带 空格 #?% 的文件.md': {
    text: `---\ntitle: 文件名带空格和符号\n${OLD}\n---\n<p>奇怪的文件名。</p>\n`,
    reported: null,
  },
  'bad/js-front-matter.md': {
    text: `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(PWNED_FILE)}, 'x') }\n---\nbody\n`,
    reported: /_posts\/bad\/js-front-matter\.md:1: "---js" front matter is not allowed/,
  },
  'bad/coffee-front-matter.md': {
    text: `---coffee\ntitle: require('fs').writeFileSync(${JSON.stringify(PWNED_FILE)}, 'x')\n---\nbody\n`,
    reported: /_posts\/bad\/coffee-front-matter\.md:1: "---coffee" front matter is not allowed/,
  },
};

/** Links and unreadable files, made by prepareContent (they cannot be written as text). */
export const BAD_LINKS = {
  'bad/loop': { reported: /_posts\/bad\/loop: symbolic link loops back to a folder already read; skipped/ },
  'bad/self-loop.md': { reported: /_posts\/bad\/self-loop\.md: symbolic link loops; skipped/ },
  'bad/unreadable.md': { reported: /_posts\/bad\/unreadable\.md: cannot be read: E(?:IO|ACCES)/ },
};
