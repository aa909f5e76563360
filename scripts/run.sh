#!/usr/bin/env bash
# One command: set up `.venv` if needed, then open the wizard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
