import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** The request header that carries the socket's address to route handlers, set by the server alone. */
export const PEER_HEADER = 'x-news-peer-address';

/**
 * Writes each request's socket address into PEER_HEADER before Next.js sees the request, replacing
 * anything a client sent under that name. Route handlers get no socket, and the X-Forwarded-For
 * Next.js gives them is the client's own when it sent one. Once per process, from instrumentation.ts.
 */
export function recordPeerAddresses(): void {
  const state = globalThis as { __newsPeerAddresses?: true };
  if (state.__newsPeerAddresses) return;
  state.__newsPeerAddresses = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
}

/** An IPv6 address's /64 network, which one subscriber usually holds whole; IPv4 as it is. */
function network(address: string): string {
  const ip = address.replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.)/i, '');
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Who sent a request, for rate limits: the socket's address, or, behind `trustedProxies` proxies that
 * each append the address they were reached from to X-Forwarded-For, the address the outermost of
 * them saw (entries further left are the client's to write, so they are never believed).
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_HEADER) || 'unknown';
  if (trustedProxies === 0) return network(peer);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return network(forwarded[forwarded.length - trustedProxies] ?? forwarded[0] ?? peer);
}
