import { describe, expect, test } from 'vitest';
import { PEER_HEADER } from '@/lib/client-address';
import { checkSecret, SECRET_ATTEMPT_LIMITS, SecretAttempts } from '@/lib/secret-attempts';

const limits = { failures: 3, windowMs: 60_000, clients: 2 };

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, attempts: new SecretAttempts(limits, () => time.now) };
}

describe('SecretAttempts', () => {
  test('a client may fail `failures` times; then it waits until its oldest failure leaves the window', () => {
    const { time, attempts } = clock();
    for (let i = 0; i < 3; i++) {
      expect(attempts.retryAfter('a')).toBe(0);
      attempts.fail('a');
      time.now += 10_000;
    }
    // Failures at 0 s, 10 s and 20 s; now 30 s: the first one expires at 60 s.
    expect(attempts.retryAfter('a')).toBe(30);
    time.now += 29_500;
    expect(attempts.retryAfter('a')).toBe(1);
    time.now += 500;
    expect(attempts.retryAfter('a')).toBe(0);
    // One more failure and it is three within the window again, until the 10 s one leaves it.
    attempts.fail('a');
    expect(attempts.retryAfter('a')).toBe(10);
  });

  test('clients are counted apart', () => {
    const { attempts } = clock();
    for (let i = 0; i < 3; i++) attempts.fail('a');
    expect(attempts.retryAfter('a')).toBeGreaterThan(0);
    expect(attempts.retryAfter('b')).toBe(0);
  });

  test('at most `clients` clients are remembered, the least recently seen forgotten first', () => {
    const { attempts } = clock();
    for (let i = 0; i < 3; i++) attempts.fail('a');
    attempts.fail('b');
    attempts.fail('c');
    expect(attempts.retryAfter('a')).toBe(0);
  });
});

describe('checkSecret', () => {
  const SECRET = 'a-secret-of-sixteen-chars';
  const from = (address: string) => new Request('http://site.test/api/draft', { headers: { [PEER_HEADER]: address } });

  test('after too many wrong secrets a client waits, even with the right one; other clients do not; a right secret is not counted', () => {
    for (let i = 0; i < SECRET_ATTEMPT_LIMITS.failures * 2; i++)
      expect(checkSecret(from('192.0.2.7'), SECRET, SECRET)).toBe('right');
    for (let i = 0; i < SECRET_ATTEMPT_LIMITS.failures; i++) {
      expect(checkSecret(from('192.0.2.1'), `wrong-${i}`, SECRET)).toBe('wrong');
    }
    const waiting = checkSecret(from('192.0.2.1'), SECRET, SECRET);
    expect(waiting).toEqual({ retryAfter: expect.any(Number) });
    expect((waiting as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect((waiting as { retryAfter: number }).retryAfter).toBeLessThanOrEqual(SECRET_ATTEMPT_LIMITS.windowMs / 1000);
    expect(checkSecret(from('192.0.2.2'), SECRET, SECRET)).toBe('right');
    expect(checkSecret(from('192.0.2.7'), 'wrong', SECRET)).toBe('wrong');
  });
});
