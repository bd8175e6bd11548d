#!/bin/sh
# The end-to-end tests' web server: the tests' content folder, then build and start as the README
# does. Everything goes to .e2e/server.log (the tests read it); on failure its end goes to stderr.
# The test line has type-checked already: the build does not again (next.config.js).
# The build is standalone too: old-links.spec.ts runs .next/standalone/server.js from it as well.
set -u
port="$1"
node tests/e2e/prepare-content.mjs "$port" || exit 1
log=.e2e/server.log
( NEXT_OUTPUT=standalone SKIP_BUILD_TYPECHECK=1 npm run build && exec npm start -- -p "$port" -H 127.0.0.1 ) >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server; exit 0' INT TERM
wait $server
status=$?
echo "e2e web server exited with status $status; the end of $log:" >&2
tail -n 40 "$log" >&2
exit $status
