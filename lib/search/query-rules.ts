/** Queries of at most this many terms search single characters by prefix. */
export const MAX_PREFIX_TERMS = 3;

/** Past this many terms a query is no typo of a phrase: the near-miss search is not worth its cost. */
export const MAX_OR_TERMS = 6;

/**
 * Up to this much is added to a score for being new (the newest article gets all of it, the oldest
 * none): enough to put the newer of two equal matches first, far too little to beat a better match.
 */
export const RECENCY_BOOST = 0.05;

/** How many of a query's terms a near miss must have: at least half. */
export const nearMissTerms = (terms: number) => Math.ceil(terms / 2);
