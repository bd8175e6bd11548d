import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `given` is the preview secret, in time that does not depend on how much of it matches
 * (hashing first makes both sides the same length). No secret configured: nothing matches.
 */
export function matchesSecret(given: string | null | undefined, secret: string | undefined): boolean {
  if (!secret || typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(secret));
}
