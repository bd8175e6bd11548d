import { queryTerms } from './tokenize';

/** Characters of a query that are searched; the rest is ignored, and the page says so. */
export const MAX_QUERY_CHARS = 200;

export type ParsedQuery = {
  /** The query as searched: trimmed, at most MAX_QUERY_CHARS characters. */
  text: string;
  truncated: boolean;
  terms: string[];
};

/** A query from the URL (`?q=`, maybe repeated: the first counts), whatever it holds. */
export function parseQuery(raw: string | string[] | undefined): ParsedQuery {
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  // Cut before splitting into characters, so an absurdly long query costs no more than a long one.
  const chars = [...value.slice(0, MAX_QUERY_CHARS * 4).trim()];
  const text = chars.slice(0, MAX_QUERY_CHARS).join('').trim();
  return { text, truncated: chars.length > MAX_QUERY_CHARS, terms: queryTerms(text) };
}
