#!/bin/sh
# Finds the servers the end-to-end tests start and stop themselves: redis-server
# (tests/e2e/redis-cache.spec.ts) and nginx (tests/e2e/nginx.spec.ts), installing Debian's packages
# when possible (as ensure-chromium.sh does for the browser).
set -e
missing=""
for pair in redis-server:redis-server nginx:nginx; do
  command=${pair%%:*}
  command -v "$command" >/dev/null 2>&1 || [ -x "/usr/sbin/$command" ] || missing="$missing ${pair#*:}"
done
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-servers: installing Debian's$missing ..." >&2
  # shellcheck disable=SC2086
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2 && exit 0
fi
echo "ensure-servers: missing$missing. Install them (Debian/Ubuntu: sudo apt-get install$missing)." >&2
exit 1
