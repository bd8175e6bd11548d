// The Redis tier of lib/cache/cache-handler.mjs: one connection per server process, kept up by
// itself. While Redis is unreachable the server serves and caches in its own memory: that is said
// once in the log, and again once Redis is back.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from '@redis/client';
import { seedBuildPages } from './seed-build-pages.mjs';

/**
 * Pages never go stale by time here (only by revalidation), so their entries get this age, and
 * expire half as long again after it (the library's rule): long enough for any page, short enough
 * that a replaced build's keys go away.
 */
const STALE_SECONDS = 7 * 24 * 60 * 60;
/** A command that takes longer counts as failed: the page is rendered instead of waited for. */
const COMMAND_TIMEOUT_MS = 1500;

/** undefined until the first request, then the Redis tier or null. */
let shared;

/** The Redis tier, or null when REDIS_URL is unset. */
export function sharedCache(context) {
  if (shared !== undefined) return shared;
  const url = process.env.REDIS_URL;
  try {
    shared = url ? connect(url, context) : null;
  } catch (error) {
    // lib/config.ts has already refused such a URL at start; never fail a page over it.
    console.error(`[cache] error: REDIS_URL: ${reason(error)}; pages are cached in this server's memory only.`);
    shared = null;
  }
  return shared;
}

/** The address without its password, for the log. */
function describeUrl(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const reason = (error) => error?.message || error?.code || String(error);

function connect(url, context) {
  const where = describeUrl(url);
  const client = createClient({
    url,
    // Commands fail at once while the connection is down, instead of waiting in a queue.
    disableOfflineQueue: true,
    // Finds a connection that died silently (a crashed host sends no FIN).
    pingInterval: 5000,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  /** Tags revalidated while Redis could not be told: replayed when it is back, so that it keeps no outdated page. */
  const missed = new Set();
  let down = false;
  let connected = false;

  CacheHandler.onCreation(({ buildId }) => {
    // Two builds never read each other's pages. With NEXT_DEPLOYMENT_ID set, Next.js gives every
    // build the same BUILD_ID, so the deployment id names the build instead.
    const keyPrefix = `news:${process.env.NEXT_DEPLOYMENT_ID || buildId}:`;
    const handler = createRedisHandler({ client, keyPrefix, timeoutMs: COMMAND_TIMEOUT_MS });
    return {
      handlers: [
        {
          ...handler,
          async revalidateTag(tag) {
            try {
              await handler.revalidateTag(tag);
            } catch (error) {
              missed.add(tag);
              throw error;
            }
          },
        },
      ],
      ttl: { defaultStaleAge: STALE_SECONDS },
    };
  });
  const cache = new CacheHandler(context);

  client.on('error', (error) => {
    if (down) return;
    down = true;
    console.warn(
      `[cache] warning: Redis at ${where} is unreachable (${reason(error)}): pages are rendered and cached in this server's memory until it is back.`,
    );
  });
  client.on('ready', () => {
    if (down) console.log(`[cache] Redis at ${where} is back: pages are shared through it again.`);
    else if (!connected) console.log(`[cache] pages are shared through Redis at ${where}.`);
    const first = !connected;
    connected = true;
    down = false;
    const tags = [...missed];
    missed.clear();
    (async () => {
      if (tags.length > 0) await cache.revalidateTag(tags);
      // At the first connection only: a Redis that restarted has lost which pages were revalidated,
      // and the build's pages written back then could be older than the content.
      if (first) await seedBuildPages(cache, context.serverDistDir);
    })().catch((error) => console.warn(`[cache] warning: ${reason(error)}`));
  });
  // A failed first connection is reported by 'error' above; the reconnect strategy keeps trying.
  client.connect().catch(() => {});

  return {
    cache,
    isReady: () => client.isReady,
    async set(key, data, ctx) {
      if (client.isReady) await cache.set(key, data, ctx);
    },
    async revalidateTag(tags) {
      const list = typeof tags === 'string' ? [tags] : tags;
      if (client.isReady) await cache.revalidateTag(list);
      else for (const tag of list) missed.add(tag);
    },
  };
}
