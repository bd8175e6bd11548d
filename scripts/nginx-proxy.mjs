// deploy/nginx.conf as the tests and the benchmark run it: the same file, with its ports, pid file,
// cache and log moved to a private folder. Every rewrite must apply, so that a change to the
// deployed file cannot leave the tests running something else.
import { readFileSync } from 'node:fs';
import path from 'node:path';

// From the project's root, where the tests and the benchmark run: Playwright loads this file as
// CommonJS, in which import.meta does not exist.
const DEPLOYED = path.resolve('deploy/nginx.conf');

/** The configuration text: nginx on 127.0.0.1:`listen`, in front of the instances on `upstreams` (two ports). */
export function nginxProxyConfig(prefix, { listen, upstreams }) {
  if (upstreams.length !== 2) throw new Error('deploy/nginx.conf names two instances');
  const rewrites = [
    [/^pid \/run\/nginx-news\.pid;$/m, `pid ${path.join(prefix, 'nginx.pid')};`],
    [
      /^( *)error_log \/var\/log\/nginx\/news-error\.log warn;$/m,
      `$1error_log ${path.join(prefix, 'error.log')} warn;`,
    ],
    [/proxy_cache_path \/var\/cache\/nginx\/news /, `proxy_cache_path ${path.join(prefix, 'cache')} `],
    [/server 127\.0\.0\.1:3000 /, `server 127.0.0.1:${upstreams[0]} `],
    [/server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${upstreams[1]} `],
    [/^( *)listen 8080;$/m, `$1listen 127.0.0.1:${listen};`],
  ];
  let text = readFileSync(DEPLOYED, 'utf8');
  for (const [pattern, replacement] of rewrites) {
    if (!pattern.test(text))
      throw new Error(`deploy/nginx.conf no longer matches ${pattern}: update scripts/nginx-proxy.mjs`);
    text = text.replace(pattern, replacement);
  }
  return text;
}
