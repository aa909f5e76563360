#!/usr/bin/env bash
# One command: set up `.venv` with the test tools if needed, then run every test offscreen (no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# The accessibility bus test (tests/bus) reads the window as a screen reader does: an X server, a D-Bus session, the
# AT-SPI registry, Debian's python3 with pyatspi, xdotool for the keys. Installed when missing, on Debian/Ubuntu as
# root (CI); elsewhere that one test is skipped and says what is absent. faketime sets a process's clock (a school PC
# whose clock is behind: tests/test_entdata.py).
bus_packages="at-spi2-core python3-pyatspi gir1.2-atspi-2.0 xdotool dbus-x11 xvfb xauth faketime"
if command -v dpkg-query >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  for pkg in $bus_packages; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "Installation des paquets du test d'accessibilité :$missing"
    # Other jobs on the machine may run apt at the same time: one at a time.
    flock /tmp/apt.lock apt-get update -qq
    DEBIAN_FRONTEND=noninteractive flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi
# The worksheet's formula guard is checked by LibreOffice itself (tests/matching/test_formula_guard.py): its
# headless Calc, from Debian, when missing (about a minute once; a few seconds per run).
if ! command -v soffice >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" != none ]; then
    echo "Installation de LibreOffice Calc sans interface (test de la feuille de travail)…"
    lock=""; command -v flock >/dev/null 2>&1 && lock="flock /tmp/apt.lock"
    { $sudo $lock apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo $lock apt-get install -y -qq \
        --no-install-recommends libreoffice-calc-nogui; } >/dev/null || echo "LibreOffice n'a pas pu être installé." >&2
  fi
fi
export QT_QPA_PLATFORM=offscreen
python=.venv/bin/python
[ -x "$python" ] || python=.venv/Scripts/python.exe  # Windows (Git Bash, as CI runs it)
# pytest exits 5 when no test ran: that is a failure here too, as is any other non-zero exit.
exec "$python" -m pytest "$@"
