import { queryTerms } from './tokenize';

/** Characters of a query that are searched; the rest is ignored, and the page says so. */
export const MAX_QUERY_CHARS = 200;
/**
 * Distinct terms searched. Each term is a lookup (a single character one by prefix, across every
 * word pair it starts), and MiniSearch runs synchronously: a hundred of them would hold the server.
 */
export const MAX_QUERY_TERMS = 12;

export type ParsedQuery = {
  /** The query as searched: trimmed, at most MAX_QUERY_CHARS characters. */
  text: string;
  truncated: boolean;
  terms: string[];
};

/** A query from the URL (`?q=`, maybe repeated: the first counts), whatever it holds. */
export function parseQuery(raw: string | string[] | undefined): ParsedQuery {
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  // Cut before splitting into characters, so an absurdly long query costs no more than a long one;
  // trimmed first, so the cut never leaves half an emoji (a lone surrogate breaks URL encoding).
  const chars = [
    ...value
      .trimStart()
      .slice(0, MAX_QUERY_CHARS * 4)
      .toWellFormed()
      .trim(),
  ];
  const text = chars.slice(0, MAX_QUERY_CHARS).join('').trim();
  const terms = queryTerms(text);
  return {
    text,
    truncated: chars.length > MAX_QUERY_CHARS || terms.length > MAX_QUERY_TERMS,
    terms: terms.slice(0, MAX_QUERY_TERMS),
  };
}
