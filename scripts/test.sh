#!/usr/bin/env bash
# The project's test command (README): installs Debian's chromium for the browser tests when missing, checks the
# accuracy gate (the event coder's figures on the team's gold set must not fall below bench/floors.json), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"  # this checkout's code, whatever else is installed
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will skip" >&2
fi
python bench/accuracy.py --split dev --floors | grep -E "^===|macro-F1|correctly typed|floor"
python bench/accuracy.py --split test --no-articles --floors | grep -E "^===|macro-F1|correctly typed|floor"
python bench/accuracy.py --split test2 --no-articles --floors | grep -E "^===|macro-F1|correctly typed|floor"
python -m pytest -q "$@"
