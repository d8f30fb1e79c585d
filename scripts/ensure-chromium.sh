#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (CI machines start without it).
# Does nothing when a Chromium is already there or when this is not a root shell with apt-get.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${CORRIDOR_CHROMIUM:-}" ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no Chromium and no root apt-get; the browser tests will be skipped" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium for the browser tests" >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
  echo "ensure-chromium: could not install chromium; the browser tests will be skipped" >&2
fi
