// Files of the end-to-end content folder for assets.spec.ts: site files (as a Hexo source/images/
// folder holds them), an article with an asset folder using Hexo's asset tags, a draft with one,
// and what must never be served (dot-files, _-folders, article sources, symbolic links out of the
// folder). No import.meta here: the Playwright specs import this module too.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Real pictures, so that a browser can decode them (naturalWidth > 0): 6×4 pixels each. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAYAAAAECAYAAACtBE5DAAAALklEQVR4AWyJ0QkAQAhCpZVs/wm8mS6C7CvhIfpC5L8ITCihmYkVPtwrXiYaiwIAAP//FfQVrgAAAAZJREFUAwCAoRMvSb+WyQAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAEAAYDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAhEAAABAYDAQAAAAAAAAAAAAAAAwQRAQIFEhQjEyIxUf/EABUBAQEAAAAAAAAAAAAAAAAAAAUH/8QAGxEAAgEFAAAAAAAAAAAAAAAAAAECAzEycbH/2gAMAwEAAhEDEQA/AIauoZFNQo8RIVicm8ou0066Z9kz9m8h8gAAA5XKjRxe31n/2Q==',
  'base64',
);
/** A PDF a viewer opens: one empty page. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** Sound-file bytes for Range requests: 4096 bytes, each its offset modulo 251, so any slice can be checked. */
export const MP3 = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
/** An SVG that, opened as a document without the site's policy, marks itself and calls a canary. */
export const SCRIPT_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="document.documentElement.setAttribute(\'data-onload\',\'ran\')">' +
  '<script>document.documentElement.setAttribute("data-script","ran")</script><rect width="10" height="10" fill="red"/></svg>\n';
/** Written in every file that must never be sent: a response containing it leaked one. */
export const SECRET = 'E2E-ASSET-SECRET-7f3a';

/** Where the articles go below the content folder ('' in a plain folder, `_posts` in a Hexo source/ folder). */
export const POSTS_DIR = '_posts';
/** The site path of a file below the articles' folder, as a plain request would name it. */
export const postsSitePath = (relative) => `/${[POSTS_DIR, relative].filter(Boolean).join('/')}`;

export const ASSET_ARTICLE = {
  slug: 'asset-demo',
  title: '资源文件演示',
  /** Files of its asset folder that are served, with their bytes and type. */
  assets: {
    'photo.png': [PNG, 'image/png'],
    'sub/图片.jpg': [JPEG, 'image/jpeg'],
    'report.pdf': [PDF, 'application/pdf'],
    'clip.mp3': [MP3, 'audio/mpeg'],
  },
};
export const DRAFT_ASSET_ARTICLE = { slug: 'asset-draft', title: '带资源的草稿' };

const demoBody = `资源演示的开头段落。

{% asset_img photo.png 一张照片 %}

{% asset_img left sub/图片.jpg 320 200 '"图片标题" "图片说明"' %}

Markdown 的相对路径：![相对路径的图](photo.png) 和 ![点开头的路径](./sub/%E5%9B%BE%E7%89%87.jpg)

<img src="photo.png" alt="HTML 里的相对路径">

<img src="{% asset_path photo.png %}" alt="asset_path 做的地址">

下载{% asset_link report.pdf 年度报告 %}，或听{% asset_link clip.mp3 %}，或者 {% asset_link report.pdf "<b>加粗</b>" false %}。

![站点图片](/images/e2e-assets/site.png) ![站点照片](/images/e2e-assets/photo.jpg)

缺少的资源什么也不显示：{% asset_img missing.png 不存在 %}

\`\`\`
{% asset_img photo.png 代码里的标签 %}
\`\`\`
`;

/** What the folder holds beyond the articles' own files: each path relative to the content folder. */
function files(posts) {
  const post = (relative) => path.posix.join(posts, relative);
  return {
    'images/e2e-assets/site.png': PNG,
    'images/e2e-assets/photo.jpg': JPEG,
    'images/e2e-assets/script.svg': SCRIPT_SVG,
    'images/e2e-assets/.secret.png': SECRET,
    'files/e2e-assets/doc.pdf': PDF,
    'media/e2e-assets/tone.mp3': MP3,
    // Taken by the site's own app/icon.svg, which wins.
    'icon.svg': `<svg xmlns="http://www.w3.org/2000/svg"><!-- ${SECRET} --></svg>`,
    '.hidden/e2e-secret.png': SECRET,
    '_private/e2e-secret.png': SECRET,
    [post(`${ASSET_ARTICLE.slug}.md`)]:
      `---\ntitle: ${ASSET_ARTICLE.title}\ndate: 2003-05-01 10:00:00\n---\n${demoBody}`,
    ...Object.fromEntries(
      Object.entries(ASSET_ARTICLE.assets).map(([name, [bytes]]) => [post(`${ASSET_ARTICLE.slug}/${name}`), bytes]),
    ),
    [post(`${ASSET_ARTICLE.slug}/.hidden.png`)]: SECRET,
    [post(`${ASSET_ARTICLE.slug}/_private.png`)]: SECRET,
    [post(`${ASSET_ARTICLE.slug}/data.yml`)]: `secret: ${SECRET}\n`,
    [post(`${ASSET_ARTICLE.slug}/page.html`)]: `<script>${SECRET}</script>`,
    // An article file beside the assets is an article (as in Hexo), never a file to download.
    [post(`${ASSET_ARTICLE.slug}/notes.md`)]: `---\ntitle: 资源旁的文章\ndate: 2003-05-02 10:00:00\n---\n${SECRET}\n`,
    [post(`${DRAFT_ASSET_ARTICLE.slug}.md`)]:
      `---\ntitle: ${DRAFT_ASSET_ARTICLE.title}\ndate: 2003-05-03 10:00:00\ndraft: true\n---\n{% asset_img secret.png 草稿图片 %}\n`,
    [post(`${DRAFT_ASSET_ARTICLE.slug}/secret.png`)]: PNG,
  };
}

/**
 * Writes the asset fixtures into the content folder `root`, the articles into `root/POSTS_DIR`,
 * and a secret beside the folder (`outside-secret.png`) that links and traversals try to reach.
 */
export async function writeAssetFixtures(root) {
  for (const [relative, content] of Object.entries(files(POSTS_DIR))) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), content);
  }
  const outside = path.join(path.dirname(root), 'outside-secret.png');
  await writeFile(outside, SECRET);
  const links = path.join(root, 'images/e2e-assets');
  await symlink(outside, path.join(links, 'escape.png'));
  await symlink('/etc/passwd', path.join(links, 'passwd.png'));
  await symlink('site.png', path.join(links, 'linked.png'));
  await symlink(
    path.relative(links, path.join(root, POSTS_DIR, DRAFT_ASSET_ARTICLE.slug, 'secret.png')),
    path.join(links, 'draft-link.png'),
  );
}
