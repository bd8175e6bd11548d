#!/bin/sh
# Finds the redis-server that tests/e2e/redis-cache.spec.ts starts and stops, installing Debian's
# package when possible (as ensure-chromium.sh does for the browser).
set -e
command -v redis-server >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-redis: installing Debian's redis-server package ..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  command -v redis-server >/dev/null 2>&1 && exit 0
fi
echo "ensure-redis: no redis-server found. Install it (Debian/Ubuntu: sudo apt-get install redis-server)." >&2
exit 1
