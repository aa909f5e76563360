#!/usr/bin/env bash
# Screenshots of every page in a real X window (Xvfb) on a 1280×800 screen: at 100 % into docs/screenshots/, and at
# 150 % display scaling (QT_SCALE_FACTOR=1.5, so 853×533 logical pixels, as on a school laptop) into
# docs/screenshots/150/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v xvfb-run >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb xauth >/dev/null; }
unset QT_QPA_PLATFORM QT_SCALE_FACTOR
screen="-screen 0 1280x800x24"
xvfb-run -a -s "$screen" .venv/bin/python tools/screenshots.py --out docs/screenshots
QT_SCALE_FACTOR=1.5 xvfb-run -a -s "$screen" .venv/bin/python tools/screenshots.py --out docs/screenshots/150
