import { beforeAll, describe, expect, test } from 'vitest';
import { checkContent, type ContentReport } from '@/lib/content/check/check-content';
import { article, makeTempDir, writeTree } from './temp-tree';

describe('the content checker and a Hexo site with asset folders', () => {
  let root: string;
  let publicDir: string;
  let report: ContentReport | undefined;
  const check = async (relative: string) => {
    report ??= await checkContent(root, { timeZone: 'Asia/Shanghai', publicDir, contentDir: root });
    return report.problems
      .filter((p) => p.file === relative && p.severity !== 'notice')
      .map((p) => [p.kind, p.line, p.reason]);
  };

  beforeAll(async () => {
    root = await makeTempDir('news-check-assets-');
    publicDir = await makeTempDir('news-check-assets-');
    await writeTree(publicDir, { 'images/in-public.png': 'png' });
    await writeTree(root, {
      'images/site.png': 'png',
      '_posts/post.md': article(
        'title: Post\ndate: 2021-01-01T00:00:00Z',
        [
          '{% asset_img photo.png 照片 %}',
          '{% asset_link report.pdf %} {% asset_path sub/图.jpg %}',
          '![a](photo.png) ![b](./sub/图.jpg) ![c](post/photo.png) <img src="photo.png">',
          '![d](images/site.png) ![e](/images/in-public.png) ![f](/posts/other/pic.png)',
          '{% asset_img gone.png %}',
          '{% asset_link data.zip 数据 %}',
          '![g](gone.png) <img src="sub/gone.jpg">',
          '{% youtube x %}',
        ].join('\n\n'),
      ),
      '_posts/post/photo.png': 'png',
      '_posts/post/report.pdf': 'pdf',
      '_posts/post/sub/图.jpg': 'jpg',
      '_posts/post/data.zip': 'zip',
      '_posts/other.md': article('title: Other\ndate: 2021-01-01T00:00:00Z'),
      '_posts/other/pic.png': 'png',
    });
  });

  test('asset tags and images that work are not reported; missing ones are, with their line', async () => {
    // Sorted by line, as the checker prints them: problems of no line first.
    expect(await check('_posts/post.md')).toEqual([
      [
        'image-missing',
        undefined,
        'body image "/gone.png" is neither in public/ nor a file the site serves from the content folder',
      ],
      [
        'image-missing',
        undefined,
        'body image "/posts/post/sub/gone.jpg" is neither in public/ nor a file the site serves from the content folder',
      ],
      [
        'asset-missing',
        13,
        '{% asset_img gone.png %}: no such file in the asset folder _posts/post/; the tag shows nothing',
      ],
      [
        'asset-missing',
        15,
        '{% asset_link data.zip 数据 %}: _posts/post/data.zip is not served (only images, audio, video and PDF files are, and no dot- or _-files); the tag shows nothing',
      ],
      ['hexo-tag', 19, 'Hexo tag {% youtube %} is shown as text: Hexo plugins are not run here'],
    ]);
  });
});
