// One HTTP request, timed to its first byte and to its end (node:http, so that the first byte is
// the moment the response head arrives, not when a fetch wrapper gets round to it).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Resolves to { status, headers, body, firstByteMs, totalMs, startedAt } (times from startedAt,
 * performance.now() when the request was sent); rejects on a network error or after timeoutMs.
 */
export function request(url, { method = 'GET', headers = {}, body, timeoutMs = 30_000, agent } = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let firstByteMs;
    const req = http.request(url, { method, headers, agent, timeout: timeoutMs }, (res) => {
      firstByteMs = performance.now() - startedAt;
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          firstByteMs,
          totalMs: performance.now() - startedAt,
          startedAt,
        }),
      );
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer from ${url} in ${timeoutMs} ms`), { code: 'TIMEOUT' })),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A request that must answer 200, or an error naming the address and status. Two minutes: a page
 * the server is slow to render (a search index built on first use, say) is a figure, not a failure.
 */
export async function getOk(url, options) {
  const res = await request(url, { timeoutMs: 120_000, ...options });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return res;
}

/** Article addresses linked from a page, in page order, without repeats. */
export function articleLinks(html) {
  const links = [...html.matchAll(/href="(\/posts\/[^"#?]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  return [...new Set(links)];
}

/** The highest `/page/N` the feed's pagination links to (1 when it has one page). */
export function lastFeedPage(html) {
  return Math.max(1, ...[...html.matchAll(/href="\/page\/(\d+)"/g)].map((m) => Number(m[1])));
}
