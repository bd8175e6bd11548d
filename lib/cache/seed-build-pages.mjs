// The build's prerendered pages and route responses, written into Redis so that no instance renders
// them again; an entry already there (newer, from another instance) is kept.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { registerInitialCache } from '@fortedigital/nextjs-cache-handler/instrumentation';

/**
 * The library's registerInitialCache reads the build's files and stores each under its path, but
 * Next.js 16.4 looks a response up under a key scoped by its route (`/route-cache/APP_PAGE/<hash>/$/path`),
 * which the build wrote into each page's .meta file: this stands in for the library's CacheHandler
 * and stores each under that key.
 */
export async function seedBuildPages(cache, serverDistDir) {
  class ScopedKeys {
    async set(cachePath, value, context) {
      const meta = JSON.parse(await readFile(path.join(serverDistDir, 'app', `${cachePath}.meta`), 'utf8'));
      const key = meta.routeCache?.key;
      if (typeof key === 'string') await cache.set(key, value, context);
    }
  }
  await registerInitialCache(ScopedKeys, {
    buildDir: path.relative(process.cwd(), path.dirname(serverDistDir)),
    setOnlyIfNotExists: true,
    fetch: false,
    parallelism: 4,
  });
}
