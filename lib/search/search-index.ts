import MiniSearch from 'minisearch';
import { termKey } from './term-key';
import { tokenize } from './tokenize';

/** What the index holds of an article; `id` is its position in a newest-first list. */
type SearchDocument = {
  id: number;
  title: string;
  /** Categories, tags and author: the labels an editor chose, in one field (each field costs memory per term). */
  labels: string;
  excerpt: string;
  body: string;
};

export type SearchIndex = MiniSearch<SearchDocument>;

/** A title match outranks a body match; the labels an editor chose come next. */
export const FIELD_BOOST = { title: 5, labels: 2, excerpt: 1.5, body: 1 };

export function createSearchIndex(): SearchIndex {
  return new MiniSearch<SearchDocument>({
    fields: Object.keys(FIELD_BOOST),
    // No stored fields: results are ids, looked up in the content index, which keeps memory to the postings.
    storeFields: [],
    tokenize,
    // tokenize already normalizes (NFKC, lower case); see termKey for why terms are encoded.
    processTerm: termKey,
  });
}

/** The parts of an article the index reads, apart from its body (read separately, and capped). */
export function searchDocument(
  id: number,
  article: { title: string; categories: string[][]; tags: string[]; author?: string; excerpt: string },
  body: string,
): SearchDocument {
  return {
    id,
    title: article.title,
    labels: [...article.categories.map((path) => path.join(' ')), ...article.tags, article.author ?? ''].join('\n'),
    // An excerpt cut from the body's start is already in `body`: indexed twice, it would double
    // those postings. A front-matter description, written apart from the body, is kept.
    excerpt: body.includes(article.excerpt.replace(/…$/, '').slice(0, 60)) ? '' : article.excerpt,
    body,
  };
}
