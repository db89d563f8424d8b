#!/usr/bin/env bash
# The test command of the README: installs what the tests need, then runs them all.
# Browser tests drive Debian's Chromium, remote-store tests Debian's Virtuoso; both are installed here
# when missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v virtuoso-t >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver virtuoso-opensource >/dev/null
fi
python -m pip install -q -e '.[test]'
exec python -m pytest -ra "$@"
