#!/usr/bin/env bash
# One command: set up `.venv` with the test tools if needed, then run every test offscreen (no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
python=.venv/bin/python
[ -x "$python" ] || python=.venv/Scripts/python.exe  # Windows (Git Bash, as CI runs it)
# pytest exits 5 when no test ran: that is a failure here too, as is any other non-zero exit.
exec "$python" -m pytest "$@"
