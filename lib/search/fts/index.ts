// Full-text search in SQLite FTS5 (node:sqlite): every word of every body, on disk, ranked as before.
export { createSearchSchema, deferSearchMerges, optimizeSearchIndex, SEARCH_SCHEMA_VERSION } from './schema';
export {
  deleteSearchDocument,
  prepareSearchDocument,
  putSearchDocument,
  putSearchDocuments,
  writeSearchDocuments,
  type PreparedDocument,
  type SearchDocument,
} from './put-document';
export {
  NEAR_MISS_MATCHES,
  RANKED_MATCHES,
  searchDocuments,
  type SearchHit,
  type SearchPage,
  type SearchPageOptions,
} from './search-documents';
