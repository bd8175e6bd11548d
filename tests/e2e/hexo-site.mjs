// The end-to-end tests' site is a Hexo site, laid out as `hexo init` makes one: .e2e/site/_config.yml
// beside .e2e/site/source/_posts/. The server is given CONTENT_DIR and no other site setting, so every
// value below reaches the site from _config.yml alone; each differs from the app's default, so a spec
// that sees one proves the file was read. No import.meta here: the Playwright specs import this too.

export const SITE_DIR = '.e2e/site';
/** What CONTENT_DIR is set to: the Hexo site's source folder. */
export const CONTENT_DIR = `${SITE_DIR}/source`;
/** Problems name files relative to the content folder, so the articles' paths start with this. */
export const POSTS = '_posts';
export const SETTINGS_FILE = `${SITE_DIR}/_config.yml`;

export const SITE = {
  title: '山城新闻速递',
  /** The line under the name and the meta description: Hexo's subtitle wins over its description. */
  subtitle: '重庆每日要闻，一站读完',
  description: '一个用 Hexo 写成的重庆新闻站（这一行不显示）',
  /** Not the default Asia/Shanghai: 17:12 there is 18:12 here (no month of the fixtures changes). */
  timezone: 'Asia/Tokyo',
  /** Hexo's list form: the first is the site's language. */
  language: ['zh-Hans', 'en'],
  locale: 'zh-Hans',
  perPage: 10,
  /** Not Hexo's default `:title`: `:name` is the file name alone, without its folder under _posts/. */
  permalink: ':year/:month/:day/:name/',
};

/** A Hexo draft: in source/_drafts/, with no `draft:` of its own; its slug is its path under _drafts/. */
export const HEXO_DRAFT = {
  slug: 'typhoon-season-outlook',
  title: '（草稿箱）台风季展望：专家预计今年登陆台风偏多',
};
export const HEXO_DRAFT_TEXT = `---\ntitle: ${HEXO_DRAFT.title}\ndate: 2021-12-28 09:00:00\ncategories: [生活]\n---\n<p>草稿箱里的文章。</p>\n`;

/** The site's _config.yml, as `hexo init` writes it with this site's values filled in. */
export function hexoConfig(port) {
  return `# Hexo Configuration
## Docs: https://hexo.io/docs/configuration.html
## Source: https://github.com/hexojs/hexo/

# Site
title: ${SITE.title}
subtitle: '${SITE.subtitle}'
description: '${SITE.description}'
keywords:
author: 山城新闻编辑部
language:
${SITE.language.map((l) => `  - ${l}`).join('\n')}
timezone: '${SITE.timezone}'

# URL
## Set your site url here. For example, if you use GitHub Page, set url as 'https://username.github.io/project'
url: http://127.0.0.1:${port}
permalink: ${SITE.permalink}
permalink_defaults:
pretty_urls:
  trailing_index: true # Set to false to remove trailing 'index.html' from permalinks
  trailing_html: true # Set to false to remove trailing '.html' from permalinks

# Directory
source_dir: source
public_dir: public
tag_dir: tags
archive_dir: archives
category_dir: categories
skip_render:

# Writing
new_post_name: :title.md # File name of new posts
default_layout: post
render_drafts: false
post_asset_folder: false

# Home page setting
index_generator:
  path: ''
  per_page: ${SITE.perPage}
  order_by: -date

# Date / Time format
date_format: YYYY-MM-DD
time_format: HH:mm:ss

# Pagination
## Set per_page to 0 to disable pagination
per_page: ${SITE.perPage}
pagination_dir: page

# Extensions
theme: landscape

# Deployment
deploy:
  type: ''
`;
}
