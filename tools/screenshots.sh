#!/usr/bin/env bash
# Screenshots of every page in a real X window (Xvfb), into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v xvfb-run >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb xauth >/dev/null; }
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python tools/screenshots.py
