#!/usr/bin/env bash
# Builds the stand-alone app dist/pronote-ent-wizard/ with PyInstaller (installed into .venv from the `bundle`
# extra: never a dependency of the app itself), then, with --smoke, runs it offscreen as CI does:
# the window opens and closes by itself, and `check` reads a fixture.
# Usage: bash packaging/build_bundle.sh [--smoke]      (Linux and macOS; Windows: see README)
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
[ -x "$python" ] || { echo "Créez d'abord .venv (bash scripts/setup.sh)." >&2; exit 1; }
"$python" -m pip install -q -e ".[bundle]"

# Icons for Windows/macOS are committed; rebuild them only if someone deleted them.
[ -f packaging/icons/pronote-ent-wizard.ico ] || QT_QPA_PLATFORM=offscreen "$python" tools/make_icons.py

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pronote-ent-wizard.spec
app=dist/pronote-ent-wizard
# What a Linux user needs to add the app to their menu, beside the executable.
cp packaging/pronote-ent-wizard.desktop packaging/install-desktop-entry.sh resources/icons/pronote-ent-wizard.png "$app/"
echo "Paquet construit en $(( $(date +%s) - start )) s : $app ($(du -sh "$app" | cut -f1))"

[ "${1:-}" = "--smoke" ] || exit 0

export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRONOTE_ENT_WIZARD_LOG_DIR="$tmp/logs"
cd "$tmp"  # from elsewhere: the bundle must not lean on the checkout

# 1. The window opens (the smoke test prints one line and exits 0 by itself; `timeout` guards a hang).
out=$(timeout 60 "$OLDPWD/$app/pronote-ent-wizard" --smoke-test --data-dir "$tmp/data")
echo "$out"
grep -q "^smoke-test: ok" <<<"$out"
grep -q "Assistant d'interconnexion PRONOTE" <<<"$out"

# 2. A headless command on a fixture: exit 0 (no blocking error) with the counts in JSON.
fixture="$OLDPWD/tests/fixtures/walk/IdPN_To_KOSMOS.xml"
if "$OLDPWD/$app/pronote-ent-wizard" check --help >/dev/null 2>&1 && [ -f "$OLDPWD/wizard/idfile/command.py" ]; then
  timeout 60 "$OLDPWD/$app/pronote-ent-wizard" check "$fixture" --json --data-dir "$tmp/data" >"$tmp/check.json"
  "$OLDPWD/$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["counts"]["total"] > 0, d; print("check :", d["counts"])' "$tmp/check.json"
fi

# 3. A bug in a command ends in one French sentence and a non-zero exit, not a traceback.
set +e
timeout 60 "$OLDPWD/$app/pronote-ent-wizard" probe "ftp://exemple.invalid/" >"$tmp/probe.out" 2>&1
code=$?
set -e
[ "$code" -ne 0 ] || { echo "probe aurait dû refuser cette adresse" >&2; exit 1; }
! grep -q "Traceback" "$tmp/probe.out" || { cat "$tmp/probe.out" >&2; exit 1; }
echo "probe refusé (code $code) : $(head -c 200 "$tmp/probe.out")"
echo "Paquet vérifié : la fenêtre s'ouvre et les commandes répondent."
