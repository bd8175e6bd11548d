/** A title match outranks a body match; the labels an editor chose come next. */
export const FIELD_BOOST = { title: 5, labels: 2, excerpt: 1.5, body: 1 };

/** An article's labels as one searchable field: its categories, tags and author. */
export const searchLabels = (article: { categories: string[][]; tags: string[]; author?: string }) =>
  [...article.categories.map((path) => path.join(' ')), ...article.tags, article.author ?? ''].join('\n');

/**
 * The excerpt as indexed. An excerpt cut from the body's start is already in the body: indexed
 * twice, it would double those postings. A front-matter description, written apart from the body, is kept.
 */
export const indexedExcerpt = (excerpt: string, body: string) =>
  body.includes(excerpt.replace(/…$/, '').slice(0, 60)) ? '' : excerpt;
