#!/usr/bin/env bash
# Builds the stand-alone app with PyInstaller (installed into .venv from the `bundle` extra: never a dependency of
# the app itself), then, with --smoke, runs it offscreen as CI does (packaging/smoke.py): the window opens and
# closes by itself, `check` reads a fixture, a refused `probe` is one French sentence.
# Usage: bash packaging/build_bundle.sh [--smoke]
# Linux, macOS, and Windows in Git Bash (as CI runs it: `shell: bash`). Output: dist/pronote-ent-wizard/, and on
# macOS "dist/Assistant PRONOTE ENT.app".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x .venv/bin/python ]; then
  python=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then  # a Windows venv
  python=.venv/Scripts/python.exe
else
  echo "Créez d'abord .venv (bash scripts/setup.sh)." >&2
  exit 1
fi
# The build backend's notices are long and never actionable here: shown only when the install fails.
"$python" -m pip install -q -e ".[bundle]" > .venv/pip-bundle.log 2>&1 || { cat .venv/pip-bundle.log >&2; exit 1; }

# Icons for Windows/macOS are committed; rebuild them only if someone deleted them.
[ -f packaging/icons/pronote-ent-wizard.ico ] || QT_QPA_PLATFORM=offscreen "$python" tools/make_icons.py

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pronote-ent-wizard.spec
app=dist/pronote-ent-wizard
if [ "$(uname -s)" = Linux ]; then
  # What a Linux user needs to add the app to their menu, beside the executable.
  cp packaging/pronote-ent-wizard.desktop packaging/install-desktop-entry.sh resources/icons/pronote-ent-wizard.png "$app/"
fi
echo "Paquet construit en $(( $(date +%s) - start )) s : $app ($(du -sh "$app" | cut -f1))"

[ "${1:-}" = "--smoke" ] || exit 0
exec "$python" packaging/smoke.py dist
