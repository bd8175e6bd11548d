import { LruCache } from '@/lib/content/lru';
import { clientAddress } from '@/lib/client-address';
import { trustedProxies } from '@/lib/config';
import { matchesSecret } from '@/lib/preview/secret';

export type AttemptLimits = {
  /** Wrong secrets a client may send within `windowMs`; the next attempt waits. */
  failures: number;
  windowMs: number;
  /** Clients remembered at once: the least recently failing are forgotten first. */
  clients: number;
};

/** Ten wrong guesses a minute from one address: nothing for an editor's typos, nothing for a guesser. */
export const SECRET_ATTEMPT_LIMITS: AttemptLimits = { failures: 10, windowMs: 60_000, clients: 10_000 };

/** Each client's recent failures, so that a secret cannot be guessed at line speed. Successes are not counted. */
export class SecretAttempts {
  private readonly recent: LruCache<string, number[]>;

  constructor(
    private readonly limits: AttemptLimits = SECRET_ATTEMPT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.recent = new LruCache(limits.clients);
  }

  /** Whole seconds `client` must wait before its next attempt is looked at; 0: it may try now. */
  retryAfter(client: string): number {
    const times = this.failures(client);
    if (times.length < this.limits.failures) return 0;
    return Math.max(1, Math.ceil((times[0]! + this.limits.windowMs - this.now()) / 1000));
  }

  fail(client: string): void {
    const times = [...this.failures(client), this.now()].slice(-this.limits.failures);
    this.recent.set(client, times);
  }

  /** The client's failures within the window, oldest first. */
  private failures(client: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.recent.get(client) ?? []).filter((time) => time > since);
  }
}

// One per server process, on globalThis: both routes' bundles share it.
const attempts: SecretAttempts = ((globalThis as { __newsSecretAttempts?: SecretAttempts }).__newsSecretAttempts ??=
  new SecretAttempts());

/** A client that sent too many wrong secrets lately is told how many seconds to wait. */
export type SecretCheck = 'right' | 'wrong' | { retryAfter: number };

/**
 * Whether `given` is `secret`, for the client that sent `request`. A client told to wait has its
 * secret not compared at all, so that a right guess cannot be told from a wrong one meanwhile.
 */
export function checkSecret(request: Request, given: string | null, secret: string): SecretCheck {
  const client = clientAddress(request.headers, trustedProxies);
  const retryAfter = attempts.retryAfter(client);
  if (retryAfter > 0) return { retryAfter };
  if (matchesSecret(given, secret)) return 'right';
  attempts.fail(client);
  return 'wrong';
}
