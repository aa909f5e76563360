#!/usr/bin/env bash
# One command: set up `.venv` with the test tools if needed, then run every test offscreen (no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
# pytest exits 5 when no test ran: that is a failure here too, as is any other non-zero exit.
exec .venv/bin/python -m pytest "$@"
