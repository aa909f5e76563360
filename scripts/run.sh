#!/usr/bin/env bash
# One command: set up `.venv` if needed, then open the wizard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
python=.venv/bin/python
[ -x "$python" ] || python=.venv/Scripts/python.exe  # Windows (Git Bash)
exec "$python" main.py "$@"
