import { describe, expect, test } from 'vitest';
import { findAssetTags, tagArguments } from '@/lib/content/asset-tags';
import { renderBody } from '@/lib/content/body-format';
import { markdownImageHref, postAssetsOf, resolveRelativeUrls, TEXT_ONLY_ASSETS } from '@/lib/content/post-assets';
import { safeBodyHtml } from '@/lib/content/safe-body';

// The post `_posts/foo.md` at /posts/foo, as Hexo's own tests have it (post foo, assets bar, bár, "spaced asset").
const assets = postAssetsOf('foo', '_posts/foo.md', new Set(['bar', 'bár', 'spaced asset', 'sub/pic.png', 'a.pdf']));

function render(body: string, format: 'html' | 'markdown' = 'markdown', withAssets = assets): string {
  const result = renderBody(body, format, withAssets);
  if (!result.ok) throw new Error(result.reason);
  return result.html.trim();
}

function safe(body: string, format: 'html' | 'markdown' = 'markdown'): string {
  const result = safeBodyHtml(body, format, { assets });
  if (!result.ok) throw new Error(result.reason);
  return result.html.trim();
}

describe('tag arguments, split as Nunjucks splits them', () => {
  test.each([
    ['bar', ['bar']],
    ['  bar   "a title"  ', ['bar', 'a title']],
    ['"spaced asset" "spaced title"', ['spaced asset', 'spaced title']],
    [`bar '"a title" "an alt"'`, ['bar', '"a title" "an alt"']],
    ['a"b c"d', ['ab cd']],
    ['"" x', ['x']],
    // Escapes are read; each argument is trimmed, as Hexo trims it.
    ['"say \\"hi\\"\\n"', ['say "hi"']],
    ['"unclosed to the end', ['unclosed to the end']],
  ])('%j', (text, args) => {
    expect(tagArguments(text)).toEqual(args);
  });
});

describe('asset_img, asset_path and asset_link render as Hexo 7 renders them', () => {
  test.each([
    // Hexo's test/scripts/tags/asset_img.ts, with alt added from the title (see asset-tags.ts).
    ['{% asset_img bar %}', '<p><img src="/posts/foo/bar"></p>'],
    ['{% asset_img bár %}', '<p><img src="/posts/foo/b%C3%A1r"></p>'],
    ['{% asset_img bar "a title" %}', '<p><img src="/posts/foo/bar" title="a title" alt="a title"></p>'],
    [
      '{% asset_img "spaced asset" "spaced title" %}',
      '<p><img src="/posts/foo/spaced%20asset" title="spaced title" alt="spaced title"></p>',
    ],
    [`{% asset_img bar '"a title" "an alt"' %}`, '<p><img src="/posts/foo/bar" title="a title" alt="an alt"></p>'],
    [
      `{% asset_img bar 100 200 '"a title" "an alt"' %}`,
      '<p><img src="/posts/foo/bar" width="100" height="200" title="a title" alt="an alt"></p>',
    ],
    // Without the outer quotes Nunjucks strips the inner ones: all of it is the title, as in Hexo.
    [
      '{% asset_img bar "a title" "an alt" %}',
      '<p><img src="/posts/foo/bar" title="a title an alt" alt="a title an alt"></p>',
    ],
    [
      '{% asset_img sub/pic.png 一张照片 %}',
      '<p><img src="/posts/foo/sub/pic.png" title="一张照片" alt="一张照片"></p>',
    ],
    // Class names before the asset are Hexo's; the sanitizer would drop them, so they are not written.
    ['{% asset_img left top bar 300 %}', '<p><img src="/posts/foo/bar" width="300"></p>'],
    ['{%- asset_img bar -%}', '<p><img src="/posts/foo/bar"></p>'],
    ['{% asset_path bar %}', '<p>/posts/foo/bar</p>'],
    ['{% asset_path "spaced asset" %}', '<p>/posts/foo/spaced%20asset</p>'],
    // Hexo's test/scripts/tags/asset_link.ts.
    ['{% asset_link bar %}', '<p><a href="/posts/foo/bar" title="bar">bar</a></p>'],
    ['{% asset_link bár %}', '<p><a href="/posts/foo/b%C3%A1r" title="bár">bár</a></p>'],
    ['{% asset_link bar Hello world %}', '<p><a href="/posts/foo/bar" title="Hello world">Hello world</a></p>'],
    [
      `{% asset_link bar '"Hello" <world>' %}`,
      '<p><a href="/posts/foo/bar" title="&quot;Hello&quot; &lt;world&gt;">&quot;Hello&quot; &lt;world&gt;</a></p>',
    ],
    [
      `{% asset_link bar '"Hello" <world>' true %}`,
      '<p><a href="/posts/foo/bar" title="&quot;Hello&quot; &lt;world&gt;">&quot;Hello&quot; &lt;world&gt;</a></p>',
    ],
    [
      `{% asset_link bar '"Hello" <b>world</b>' false %}`,
      '<p><a href="/posts/foo/bar" title="&quot;Hello&quot; &lt;b&gt;world&lt;/b&gt;">"Hello" <b>world</b></a></p>',
    ],
    [
      '{% asset_link "spaced asset" "spaced title" %}',
      '<p><a href="/posts/foo/spaced%20asset" title="spaced title">spaced title</a></p>',
    ],
  ])('%s', (body, html) => {
    expect(render(body)).toBe(html);
  });

  test.each([
    '{% asset_img %}',
    '{% asset_img boo %}',
    '{% asset_path boo %}',
    '{% asset_link boo %}',
    '{% asset_link %}',
  ])('no such asset, or none named: %s renders nothing', (body) => {
    expect(render(`a${body}b`)).toBe('<p>ab</p>');
  });

  test('asset_path inside a Markdown image and an HTML attribute', () => {
    expect(render('![x]({% asset_path sub/pic.png %}) <img src="{% asset_path bar %}">')).toBe(
      '<p><img src="/posts/foo/sub/pic.png" alt="x"> <img src="/posts/foo/bar"></p>',
    );
  });

  test('Markdown does not mangle a tag, and the tag HTML is not read as Markdown', () => {
    expect(render('{% asset_img bar *not_emphasis* %}\n**bold** after')).toBe(
      '<p><img src="/posts/foo/bar" title="*not_emphasis*" alt="*not_emphasis*">\n<strong>bold</strong> after</p>',
    );
  });

  test('in code, a tag is shown as written, as Hexo leaves tags in <code> alone', () => {
    expect(render('```\n{% asset_img bar "t" %}\n```\n\n`{% asset_path bar %}`')).toBe(
      '<pre><code>{% asset_img bar &quot;t&quot; %}\n</code></pre>\n<p><code>{% asset_path bar %}</code></p>',
    );
    expect(render('<p>{% asset_path bar %}</p><code>{% asset_path bar %}</code>', 'html')).toBe(
      '<p>/posts/foo/bar</p><code>{% asset_path bar %}</code>',
    );
  });

  test('HTML bodies have their tags rendered too', () => {
    expect(render('<div>{% asset_img bar %}</div>', 'html')).toBe('<div><img src="/posts/foo/bar"></div>');
  });

  test('other Hexo tags are left as they are', () => {
    expect(render('{% youtube abc %} {% asset_imgx bar %}')).toBe('<p>{% youtube abc %} {% asset_imgx bar %}</p>');
  });

  test('tag output goes through the sanitizer like any body', () => {
    expect(safe(`{% asset_link bar '<script>alert(1)</script><img src=x onerror=alert(2)>' false %}`)).toBe(
      '<p><a href="/posts/foo/bar" title="&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"><img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="/posts/foo/x" alt="" /></a></p>',
    );
    expect(safe('{% asset_img bar "x\\" onerror=\\"alert(1)" %}')).toBe(
      '<p><img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="/posts/foo/bar" alt="x&quot; onerror=&quot;alert(1)" title="x&quot; onerror=&quot;alert(1)" /></p>',
    );
  });

  test('asset URLs are fully percent-encoded, so they are safe in Markdown and in attributes', () => {
    const odd = postAssetsOf('a b/c', 'x/c.md', new Set(["it's (1)*.png", 'q"<&>.png']));
    expect(render('{% asset_path "it\'s (1)*.png" %}', 'markdown', odd)).toBe(
      '<p>/posts/a%20b/c/it%27s%20%281%29%2A.png</p>',
    );
    expect(render("![x]({% asset_path 'q\"<&>.png' %})", 'markdown', odd)).toBe(
      '<p><img src="/posts/a%20b/c/q%22%3C%26%3E.png" alt="x"></p>',
    );
  });

  test('findAssetTags says which asset each tag names, and where it is', () => {
    const body = 'x\n{% asset_img left bar t %}\n{% asset_link gone.pdf %}';
    expect(findAssetTags(body, assets)).toEqual([
      { index: 2, end: 28, tag: 'asset_img', args: ['left', 'bar', 't'], asset: 'bar' },
      { index: 29, end: 54, tag: 'asset_link', args: ['gone.pdf'], asset: null },
    ]);
  });

  test('text-only rendering (excerpts, search) keeps an asset link its title and drops the rest', () => {
    const result = renderBody('{% asset_img a.png 图 %}{% asset_link b.pdf 年度报告 %}', 'markdown', TEXT_ONLY_ASSETS);
    expect(result.ok && result.html).toBe(
      '<p><img src="/a.png" title="图" alt="图"><a href="/b.pdf" title="年度报告">年度报告</a></p>\n',
    );
  });

  test('the tag scan is linear: 50,000 unclosed tags and long whitespace take a moment, not minutes', () => {
    // A scan that backtracked over the whole rest of the body from each `{%` would take minutes here.
    const hostile = `${'{% asset_img '.repeat(50_000)}${'{%' + ' '.repeat(100_000)}\n{% asset_path bar %}`;
    const started = performance.now();
    const tags = findAssetTags(hostile, assets);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(tags.map((t) => t.tag)).toEqual(['asset_path']);
  });
});

describe('relative image paths, as hexo-renderer-marked resolves them (prependRoot, postAsset)', () => {
  test.each([
    ['bar', '/posts/foo/bar'],
    ['./bar', '/posts/foo/bar'],
    ['sub/pic.png', '/posts/foo/sub/pic.png'],
    ['./sub/../bar', '/posts/foo/bar'],
    ['sub%2Fpic.png', '/posts/foo/sub/pic.png'],
    ['b%C3%A1r?v=2#top', '/posts/foo/b%C3%A1r?v=2#top'],
    // The article file's own folder: the path an editor's preview (Typora, VS Code) resolves.
    ['foo/sub/pic.png', '/posts/foo/sub/pic.png'],
    ['./foo/bar', '/posts/foo/bar'],
    // Not an asset: from the site root, as Hexo's url_for makes it.
    ['images/a.jpg', '/images/a.jpg'],
    ['./images/a.jpg', '/images/a.jpg'],
    ['../bar', '/../bar'],
    // Left as written.
    ['/images/a.jpg', '/images/a.jpg'],
    ['//cdn.example/a.jpg', '//cdn.example/a.jpg'],
    ['https://cdn.example/a.jpg', 'https://cdn.example/a.jpg'],
    ['#x', '#x'],
    ['data:image/png;base64,AA', 'data:image/png;base64,AA'],
    ['\\bar', '\\bar'],
    ['', ''],
  ])('%j → %j', (href, url) => {
    expect(markdownImageHref(href, assets)).toBe(url);
  });

  test('in a rendered body: Markdown images resolved; raw HTML and links resolve against the post folder', () => {
    expect(safe('![a](bar) ![b](images/x.png) <img src="sub/pic.png"> [pdf](a.pdf) [top](#t) [q](?p=2)')).toBe(
      '<p><img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="/posts/foo/bar" alt="a" /> ' +
        '<img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="/images/x.png" alt="b" /> ' +
        '<img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="/posts/foo/sub/pic.png" alt="" /> ' +
        '<a href="/posts/foo/a.pdf">pdf</a> <a href="#t">top</a> <a href="?p=2">q</a></p>',
    );
  });

  test('resolveRelativeUrls keeps absolute, root, fragment and unsafe URLs as they are', () => {
    const html =
      '<a href="https://x.example/a">a</a><a href="mailto:a@b.c">m</a><a href="//x.example/b">b</a>' +
      '<a href="/tags/x">t</a><img src="../../../../etc/passwd" /><a href="a&amp;b.pdf">x</a>';
    expect(resolveRelativeUrls(html, assets)).toBe(
      '<a href="https://x.example/a">a</a><a href="mailto:a@b.c">m</a><a href="//x.example/b">b</a>' +
        '<a href="/tags/x">t</a><img src="/etc/passwd" /><a href="/posts/foo/a&amp;b.pdf">x</a>',
    );
  });
});
