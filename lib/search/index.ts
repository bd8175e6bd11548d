/** Search: what pages call. */
export { searchArticles, type SearchResult, type SearchResults } from './search-articles';
export { MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery, type ParsedQuery } from './parse-query';
