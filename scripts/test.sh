#!/usr/bin/env bash
# The project's test command (README): installs Debian's chromium for the browser tests when missing, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will skip" >&2
fi
python -m pytest -q "$@"
