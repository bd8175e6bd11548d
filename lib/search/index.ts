/** Search: what pages call. */
export { searchArticles, type SearchResult } from './search-articles';
export { MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery, type ParsedQuery } from './parse-query';
