#!/usr/bin/env bash
# Prepares a fresh machine: the Debian libraries Qt needs (when missing), then `.venv` at the repository root
# with the app (and, with --test, the test tools). Safe to run again: it only does what is missing.
# Also runs on macOS and in Git Bash on Windows (as CI does), where there are no system libraries to add;
# PYTHON names the interpreter that creates .venv (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

extra=""
[ "${1:-}" = "--test" ] && extra="[test]"

# Qt's offscreen and xcb platforms load these at run time; pip cannot bring them.
qt_libs="libegl1 libgl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
gui_libs="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"
if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $qt_libs $gui_libs; do
    # Debian 13 and Ubuntu 24.04 renamed some libraries with a t64 suffix; apt still installs them by the old name.
    for name in "$pkg" "${pkg}t64" ""; do
      [ -n "$name" ] || { missing="$missing $pkg"; break; }
      dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" && break
    done
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
    if [ "$sudo" = none ]; then
      echo "Bibliothèques système manquantes :$missing — installez-les (apt-get install$missing) puis relancez." >&2
      exit 1
    fi
    echo "Installation des bibliothèques système pour Qt :$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

python=${PYTHON:-python3}
venv_python() {  # .venv's interpreter: bin/ on Linux and macOS, Scripts/ on Windows
  if [ -x .venv/bin/python ]; then echo .venv/bin/python; elif [ -x .venv/Scripts/python.exe ]; then
    echo .venv/Scripts/python.exe; fi
}
if [ -z "$(venv_python)" ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian's own Python ships venv/ensurepip separately.
    rm -rf .venv
    if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
      [ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
      $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    fi
    "$python" -m venv .venv
  fi
fi
venv=$(venv_python)
# Reinstall only when pyproject.toml changed since the last successful install.
stamp=".venv/.installed$extra"
want=$("$venv" -c 'import hashlib, sys; sys.stdout.write(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' pyproject.toml)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installation des paquets Python dans .venv…"
  # The build backend's notices are long and never actionable here: shown only when the install fails.
  if ! { "$venv" -m pip install -q --upgrade pip && "$venv" -m pip install -q -e ".$extra"; } \
      > .venv/pip.log 2>&1; then
    cat .venv/pip.log >&2
    echo "L'installation des paquets Python a échoué (détail ci-dessus)." >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi
