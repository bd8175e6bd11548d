// The search engine before lib/search/fts: MiniSearch in the heap. Kept as the baseline bench-search measures FTS5 against.
import MiniSearch from 'minisearch';
import { FIELD_BOOST, indexedExcerpt, searchLabels } from '../../lib/search/field-boost';
import { termKey } from './minisearch-term-key';
import { tokenize } from '../../lib/search/tokenize';

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

export { FIELD_BOOST };

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
    labels: searchLabels(article),
    excerpt: indexedExcerpt(article.excerpt, body),
    body,
  };
}
