import { describe, expect, test } from 'vitest';
import { clientAddress, PEER_HEADER } from '@/lib/client-address';

const headers = (peer: string, forwarded?: string) =>
  new Headers({ [PEER_HEADER]: peer, ...(forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }) });

describe('clientAddress', () => {
  test('without trusted proxies, the socket address: X-Forwarded-For is the client’s to write', () => {
    expect(clientAddress(headers('203.0.113.9', '198.51.100.1'), 0)).toBe('203.0.113.9');
    expect(clientAddress(headers('::ffff:203.0.113.9'), 0)).toBe('203.0.113.9');
  });

  test('behind N proxies, the address the outermost one saw, whatever the client put before it', () => {
    expect(clientAddress(headers('10.0.0.2', 'forged, 198.51.100.1'), 1)).toBe('198.51.100.1');
    expect(clientAddress(headers('10.0.0.3', 'forged, 198.51.100.1, 10.0.0.2'), 2)).toBe('198.51.100.1');
    // Fewer entries than proxies: the leftmost was still written by one of them.
    expect(clientAddress(headers('10.0.0.3', '198.51.100.1'), 2)).toBe('198.51.100.1');
    expect(clientAddress(headers('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  test('IPv6 clients are known by their /64, which one subscriber holds whole', () => {
    const a = clientAddress(headers('2001:db8:0:1:aaaa::1'), 0);
    expect(a).toBe('2001:db8:0:1::/64');
    expect(clientAddress(headers('2001:0db8:0000:0001:ffff:1:2:3'), 0)).toBe(a);
    expect(clientAddress(headers('2001:db8::2:1'), 0)).toBe('2001:db8:0:0::/64');
    expect(clientAddress(headers('::1'), 0)).toBe('0:0:0:0::/64');
    expect(clientAddress(headers('2001:db8:0:2::1'), 0)).not.toBe(a);
  });
});
