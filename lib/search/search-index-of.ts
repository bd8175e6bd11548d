import 'server-only';
import { forEachBodyText } from '../content/body-text';
import type { ArticleSummary } from '../content/types';
import { createSearchIndex, searchDocument, type SearchIndex } from './search-index';

/** Body characters indexed per article: the start of a story says what it is about, and memory stays bounded. */
export const INDEXED_BODY_CHARS = 600;
/**
 * Articles whose text is indexed, newest first; older ones are found by title, categories, tags and
 * author. Text postings are most of the index (about 14 KB an article, against about 2 KB for the
 * rest), so this bounds it.
 */
const FULL_TEXT_ARTICLES = 10_000;

// Built once per list of articles (a content index's published list, or a preview's drafts) and
// kept while that list is: a new content index (a change, in development) gets a new search index.
// On globalThis, so that route bundles and instrumentation share it.
const built: WeakMap<readonly ArticleSummary[], Promise<SearchIndex>> = ((
  globalThis as { __newsSearchIndexes?: WeakMap<readonly ArticleSummary[], Promise<SearchIndex>> }
).__newsSearchIndexes ??= new WeakMap());

async function build(articles: readonly ArticleSummary[]): Promise<SearchIndex> {
  const index = createSearchIndex();
  const fullText = articles.slice(0, FULL_TEXT_ARTICLES);
  await forEachBodyText(fullText, INDEXED_BODY_CHARS, (text, i) => index.add(searchDocument(i, articles[i]!, text)));
  for (let i = fullText.length; i < articles.length; i++) {
    index.add({ ...searchDocument(i, articles[i]!, ''), excerpt: '' });
  }
  return index;
}

/** The search index of `articles` (ids are positions in it), built on first use. */
export function searchIndexOf(articles: readonly ArticleSummary[]): Promise<SearchIndex> {
  let index = built.get(articles);
  if (!index) {
    index = build(articles);
    built.set(articles, index);
    index.catch(() => built.delete(articles));
  }
  return index;
}
