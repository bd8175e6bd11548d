#!/bin/sh
# Finds the Chromium that the end-to-end tests drive, installing Debian's package when possible.
# Playwright's own browser download is not used: it needs a host that may be unreachable.
set -e
if [ -n "$CHROMIUM_PATH" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  [ -x "$candidate" ] && exit 0
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-chromium: installing Debian's chromium package ..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "ensure-chromium: no Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
