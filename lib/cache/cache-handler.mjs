// Next.js's incremental cache (pages, route handlers), named by next.config.js `cacheHandler`. The
// config is frozen at build time (and the standalone server cannot change it), so the choice between
// Redis and memory is made here, when the server runs: REDIS_URL set shares every instance's pages
// through Redis; unset, Next.js's own cache does exactly what it does without a handler. Node.js
// loads this file itself for pages, once per server process, and makes one instance per request.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { sharedCache } from './shared-cache.mjs';

// Node.js gives a CommonJS module's exports as the default import, Turbopack (which bundles this file
// into proxy.ts too) its `default` export.
const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

// next.config.js sets cacheMaxMemorySize to 0 so that Next.js keeps no copy of its own in front of
// Redis; the memory tier below is sized as Next.js sizes it by default (50 MB).
const MEMORY_BYTES = 50 * 1024 * 1024;

export default class CacheHandler {
  #context;
  #memory;

  // Nothing happens until the cache is used: proxy.ts makes an instance on every request it
  // handles, with its own bundled copy of this file, and never uses it.
  constructor(context) {
    this.#context = context;
  }

  /**
   * Next.js's own cache: the build's prerendered pages, then pages rendered here, in memory
   * (isrFlushToDisk is off). With Redis it is the fallback while Redis is unreachable.
   */
  get #local() {
    this.#memory ??= new FileSystemCache({ ...this.#context, maxMemoryCacheSize: MEMORY_BYTES });
    return this.#memory;
  }

  get #shared() {
    return sharedCache(this.#context);
  }

  async get(key, context) {
    const shared = this.#shared;
    if (shared?.isReady()) return shared.cache.get(key, context);
    return this.#local.get(key, context);
  }

  async set(key, data, context) {
    // Memory too, so that a server whose Redis goes away still has the pages it served.
    await Promise.all([this.#local.set(key, data, context), this.#shared?.set(key, data, context)]);
  }

  async revalidateTag(tags, durations) {
    await Promise.all([this.#local.revalidateTag(tags, durations), this.#shared?.revalidateTag(tags)]);
  }

  resetRequestCache() {
    this.#memory?.resetRequestCache?.();
  }
}
