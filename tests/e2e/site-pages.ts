/** The address of a page that does not exist: its answer is the site's 404 page. */
export const NOT_FOUND = '/posts/no-such-article';

/** One page of every kind a reader meets on the tests' site, by its address. */
export const PAGE_KINDS: Record<string, string> = {
  'front page': '/',
  'feed page 2': '/page/2',
  'category index': '/categories',
  category: '/categories/科技',
  'third-level category': '/categories/科技/人工智能/大模型',
  'tag index': '/tags',
  tag: '/tags/重庆',
  archives: '/archives',
  'archive year': '/archives/2021',
  'archive month': '/archives/2021/11',
  article: '/posts/chongqing-talent-conference-2021',
  'article with a Chinese slug': `/posts/${encodeURIComponent('重庆火锅节开幕')}`,
  // Not the web-security article: its `<img src=x>` example is a broken image on purpose.
  'article with a front-matter slug': '/posts/custom-slug-example',
  'search results': '/search?q=%E4%BA%BA%E6%89%8D',
  'not found': NOT_FOUND,
};
