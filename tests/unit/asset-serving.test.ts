import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MEDIA_EXTENSIONS, mediaTypeOf } from '@/lib/assets/media-types';
import { assetPathCandidates } from '@/lib/assets/request-path';
import { resolveAsset, type AssetLookup } from '@/lib/assets/resolve-asset';
import { listAssets } from '@/lib/assets/served-file';
import { makeTempDir, writeTree } from './temp-tree';

describe('assetPathCandidates', () => {
  test.each([
    [['images', 'a.png'], [['images', 'a.png']]],
    [
      ['sub', '%E5%9B%BE.png'],
      [
        ['sub', '%E5%9B%BE.png'],
        ['sub', '图.png'],
      ],
    ],
    // Next.js hands handlers decoded params: a name with `%41` in it is tried as given first.
    [['a%41.png'], [['a%41.png'], ['aA.png']]],
    // Each traversal form is refused as given or once decoded.
    [['..', 'x.png'], []],
    [['.', 'x.png'], []],
    [['%2e%2e', 'x.png'], [['%2e%2e', 'x.png']]],
    [['images', '..%2f..%2fx.png'], []],
    [['images', '..%5cx.png'], []],
    [['images', 'x%2f..%2f..%2fy.png'], [['images', 'x%2f..%2f..%2fy.png']]],
    [['a\\..\\x.png'], []],
    [['a/../x.png'], []],
    [['x.png\u0000.jpg'], []],
    [['x%00.png'], [['x%00.png']]],
    [['.git', 'config.png'], []],
    [['%2egit', 'x.png'], [['%2egit', 'x.png']]],
    [['images', '', 'x.png'], []],
    [[], []],
    [Array.from({ length: 33 }, () => 'a'), []],
    [['a'.repeat(1025)], []],
  ])('%j → %j', (raw, candidates) => {
    expect(assetPathCandidates(raw)).toEqual(candidates);
  });

  test('a candidate never names a parent, a dot-file or a separator, however often it was encoded', () => {
    for (const raw of ['%2e%2e', '%252e%252e', '..%2f', '%2e', '.%2e', '%2e.', '%5c..', '%2fetc', '%00']) {
      for (const segments of assetPathCandidates([raw, 'x.png'])) {
        for (const s of segments) {
          expect(s.startsWith('.') || /[/\\\u0000]/.test(s), `${raw} → ${s}`).toBe(false);
        }
      }
    }
  });
});

describe('media types', () => {
  test.each([
    ['a.jpg', 'image/jpeg'],
    ['A.JPEG', 'image/jpeg'],
    ['a.svg', 'image/svg+xml'],
    ['a.mp3', 'audio/mpeg'],
    ['a.mp4', 'video/mp4'],
    ['a.pdf', 'application/pdf'],
    ['a.md', null],
    ['a.markdown', null],
    ['a.yml', null],
    ['a.html', null],
    ['a.js', null],
    ['a.png.txt', null],
    ['.png', null],
    ['png', null],
  ])('%s: %s', (name, type) => {
    expect(mediaTypeOf(name)).toBe(type);
  });

  test('next.config.js sends exactly these extensions to the asset route, in any case, and nothing else', async () => {
    const { getPathMatch } = await import('next/dist/shared/lib/router/utils/path-match');
    const configFor = (await import('@/next.config.js')).default as unknown as (phase: string) => {
      rewrites(): Promise<{ source: string; destination: string }[]>;
    };
    const config = configFor('phase-production-server');
    const rule = (await config.rewrites()).find((r) => r.destination.startsWith('/api/asset/'))!;
    const match = getPathMatch(rule.source);
    for (const extension of MEDIA_EXTENSIONS) {
      expect(match(`/images/a.${extension}`), extension).toEqual({ dirs: ['images'], file: `a.${extension}` });
      expect(match(`/A.${extension.toUpperCase()}`), extension).toEqual({ file: `A.${extension.toUpperCase()}` });
    }
    expect(match('/posts/a/%E5%9B%BE.png')).toEqual({ dirs: ['posts', 'a'], file: '%E5%9B%BE.png' });
    for (const other of ['/posts/a', '/feed.xml', '/a.md', '/a.html', '/a.png/x', '/a.pngx', '/.png']) {
      expect(match(other), other).toBe(false);
    }
  });
});

describe('resolveAsset and listAssets on a content folder', () => {
  let root: string;
  let outside: string;
  const articles: Record<string, { file: string; draft: boolean }> = {
    'my-post': { file: '_posts/my-post.md', draft: false },
    'my-post/nested': { file: '_posts/my-post/nested.md', draft: false },
    'by-slug': { file: '_posts/2021/other-name.md', draft: false },
    'hidden-draft': { file: '_drafts/hidden-draft.md', draft: true },
  };
  const published: AssetLookup = {
    article: (slug) => (articles[slug]?.draft ? undefined : articles[slug]),
    oldAddress: (p) => (p === '2021/11/16/my-post' ? 'my-post' : undefined),
  };
  const preview: AssetLookup = { article: (slug) => articles[slug] };
  const find = (url: string, lookup = published) => resolveAsset(root, url.split('/').filter(Boolean), lookup);
  const served = async (url: string, lookup = published) => {
    const found = await find(url, lookup);
    return found?.kind === 'file' ? path.relative(root, found.file.path) : found;
  };

  beforeAll(async () => {
    root = await makeTempDir('news-assets-');
    outside = await makeTempDir('news-outside-');
    await writeTree(outside, { 'secret.png': 'secret' });
    await writeTree(root, {
      'images/a.png': 'png',
      'images/sub/b.jpg': 'jpg',
      'images/page.html': '<script>',
      'images/notes.md': '---\ntitle: x\n---\n',
      'images/.hidden.png': 'x',
      'images/_private.png': 'x',
      '.git/config.png': 'x',
      '_config.yml': 'x',
      '_posts/my-post.md': '---\ntitle: x\n---\n',
      '_posts/my-post/photo.png': 'photo',
      '_posts/my-post/sub/图.jpg': 'jpg',
      '_posts/my-post/data.yml': 'x',
      '_posts/my-post/_private.png': 'x',
      '_posts/my-post/.hidden.png': 'x',
      '_posts/my-post/nested.md': '---\ntitle: y\n---\n',
      '_posts/my-post/nested/inner.png': 'inner',
      '_posts/2021/other-name.md': '---\nslug: by-slug\n---\n',
      '_posts/2021/other-name/pic.png': 'pic',
      '_drafts/hidden-draft.md': '---\ntitle: d\n---\n',
      '_drafts/hidden-draft/secret.png': 'draft',
      // A plain folder of articles: an article's asset folder is not a site folder.
      'plain/article.md': '---\ntitle: p\n---\n',
      'plain/article/pic.png': 'x',
    });
    const link = (target: string, at: string) => fs.symlink(target, path.join(root, at));
    await link(path.join(outside, 'secret.png'), 'images/escape.png');
    await link('/etc/passwd', 'images/passwd.png');
    await link(outside, 'images/outside-folder');
    await link('a.png', 'images/same.png');
    await link('../.git/config.png', 'images/to-dot.png');
    await link('../_drafts/hidden-draft/secret.png', 'images/to-draft.png');
    await link('a.png', 'images/to-text.txt');
    await link('page.html', 'images/html-as.png');
    await link('../../images/a.png', '_posts/my-post/shared.png');
    await link('../../_drafts/hidden-draft/secret.png', '_posts/my-post/draft.png');
    await link('loop.png', 'images/loop.png');
    execFileSync('mkfifo', [path.join(root, 'images/fifo.png')]);
    await fs.mkdir(path.join(root, 'images/folder.png'));
  });

  test('site files are served at their path; articles, other types, dot- and _-files are not', async () => {
    expect(await served('/images/a.png')).toBe('images/a.png');
    expect(await served('/images/sub/b.jpg')).toBe('images/sub/b.jpg');
    for (const url of [
      '/images/page.html',
      '/images/notes.md',
      '/images/.hidden.png',
      '/images/_private.png',
      '/.git/config.png',
      '/_config.yml',
      '/_posts/my-post/photo.png',
      '/_drafts/hidden-draft/secret.png',
      '/images/missing.png',
      '/images/fifo.png',
      '/images/folder.png',
      '/images/a.png/x.png',
    ]) {
      expect(await find(url), url).toBeNull();
    }
  });

  test('symbolic links are followed only to files the same rules serve, inside the content folder', async () => {
    expect(await served('/images/same.png')).toBe('images/a.png');
    for (const url of [
      '/images/escape.png',
      '/images/passwd.png',
      '/images/outside-folder/secret.png',
      '/images/to-dot.png',
      '/images/to-draft.png',
      '/images/html-as.png',
      '/images/loop.png',
    ]) {
      expect(await find(url), url).toBeNull();
    }
  });

  test("a post's asset folder is served at its address, and only there", async () => {
    expect(await served('/posts/my-post/photo.png')).toBe('_posts/my-post/photo.png');
    expect(await served('/posts/my-post/sub/%E5%9B%BE.jpg')).toBe('_posts/my-post/sub/图.jpg');
    expect(await served('/posts/my-post/sub/图.jpg')).toBe('_posts/my-post/sub/图.jpg');
    // The folder beside the file, whatever the front-matter slug.
    expect(await served('/posts/by-slug/pic.png')).toBe('_posts/2021/other-name/pic.png');
    // A link to a site file is fine; one to a draft's asset is not.
    expect(await served('/posts/my-post/shared.png')).toBe('images/a.png');
    for (const url of [
      '/posts/my-post/data.yml',
      '/posts/my-post/_private.png',
      '/posts/my-post/.hidden.png',
      '/posts/my-post/nested.md',
      '/posts/my-post/draft.png',
      '/posts/my-post/missing.png',
      '/posts/my-post',
      '/posts/photo.png',
      '/posts/no-such-post/photo.png',
      '/posts/2021/other-name/pic.png',
      '/plain/article/pic.png',
    ]) {
      expect(await find(url), url).toBeNull();
    }
  });

  test("a nested article's folder belongs to it: longest slug first, never through its parent", async () => {
    expect(await served('/posts/my-post/nested/inner.png')).toBe('_posts/my-post/nested/inner.png');
    const parentOnly: AssetLookup = { article: (slug) => (slug === 'my-post' ? articles[slug] : undefined) };
    expect(await find('/posts/my-post/nested/inner.png', parentOnly)).toBeNull();
  });

  test("a draft's assets only in preview, marked as a draft's", async () => {
    expect(await find('/posts/hidden-draft/secret.png')).toBeNull();
    const found = await find('/posts/hidden-draft/secret.png', preview);
    expect(found).toMatchObject({ kind: 'file', draft: true });
    expect(await find('/posts/my-post/photo.png', preview)).toMatchObject({ kind: 'file', draft: false });
  });

  test("an asset at its post's old Hexo address has moved to the new one", async () => {
    expect(await find('/2021/11/16/my-post/sub/%E5%9B%BE.jpg')).toEqual({
      kind: 'moved',
      location: '/posts/my-post/sub/%E5%9B%BE.jpg',
    });
    expect(await find('/2021/11/16/my-post/missing.png')).toBeNull();
  });

  test('traversal in every spelling finds nothing', async () => {
    for (const url of [
      '/images/../_drafts/hidden-draft/secret.png',
      '/images/%2e%2e/_drafts/hidden-draft/secret.png',
      '/images/%252e%252e/%252e%252e/etc/passwd',
      '/images/..%2f..%2fetc%2fpasswd',
      '/images/..%5c..%5cetc%5cpasswd',
      '/posts/my-post/..%2f..%2f_drafts%2fhidden-draft%2fsecret.png',
      '/posts/my-post/%2e%2e/%2e%2e/images/a.png',
      `/${'..%2f'.repeat(10)}etc%2fpasswd`,
    ]) {
      expect(await find(url), url).toBeNull();
    }
  });

  test('listAssets: the files of the folder the site serves, by their path in it', async () => {
    expect([...(await listAssets(root, '_posts/my-post.md'))].sort()).toEqual([
      'photo.png',
      'shared.png',
      'sub/图.jpg',
    ]);
    expect([...(await listAssets(root, '_posts/no-folder.md'))]).toEqual([]);
  });
});
