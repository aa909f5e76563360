#!/usr/bin/env bash
# Adds the assistant to the current user's application menu (Linux): the .desktop entry and its icon, under
# ~/.local/share (no root needed). The file name matches QGuiApplication.desktopFileName, which is how Wayland
# shells find the window's icon.
# Usage: bash install-desktop-entry.sh [EXECUTABLE]          bash install-desktop-entry.sh --uninstall
# EXECUTABLE defaults to the bundle's executable beside this script, else `pronote-ent-wizard` on the PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name=pronote-ent-wizard
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/$name.desktop" "$icons/256x256/apps/$name.png" "$icons/scalable/apps/$name.svg"
  echo "Entrée de menu retirée."
  exit 0
fi

exe="${1:-}"
if [ -z "$exe" ]; then
  if [ -x "$here/$name" ]; then exe="$here/$name"; else exe="$(command -v "$name" || true)"; fi
fi
[ -n "$exe" ] && [ -x "$exe" ] || { echo "Programme « $name » introuvable : indiquez son chemin en argument." >&2; exit 1; }
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"

# The entry and the icons sit beside this script (a bundle) or in the repository (packaging/, resources/icons/).
desktop="$here/$name.desktop"
png=""; svg=""
for dir in "$here" "$here/../resources/icons" "$here/_internal/resources/icons"; do
  [ -z "$png" ] && [ -f "$dir/$name.png" ] && png="$dir/$name.png"
  [ -z "$svg" ] && [ -f "$dir/$name.svg" ] && svg="$dir/$name.svg"
done
[ -f "$desktop" ] && [ -n "$png" ] || { echo "Fichier $name.desktop ou icône introuvable près de ce script." >&2; exit 1; }

mkdir -p "$apps" "$icons/256x256/apps"
install -m 644 "$png" "$icons/256x256/apps/$name.png"
if [ -n "$svg" ]; then mkdir -p "$icons/scalable/apps" && install -m 644 "$svg" "$icons/scalable/apps/$name.svg"; fi
# Exec gets the absolute path, in double quotes (a folder name may have spaces). Characters that the Desktop Entry
# specification would need escaped twice are refused rather than half-escaped.
case "$exe" in
  *[\"\`\$\\%]*) echo "Le chemin « $exe » contient un caractère spécial (\" \` \$ \\ %) : déplacez le dossier." >&2; exit 1 ;;
esac
EXEC_LINE="Exec=\"$exe\"" awk '/^Exec=/ { print ENVIRON["EXEC_LINE"]; next } { print }' "$desktop" >"$apps/$name.desktop"
chmod 644 "$apps/$name.desktop"
# Refresh the menu's cache when the tool is there. No icon cache is written: a user-level hicolor folder without
# one is scanned directly, while a stale one would hide icons installed later.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "Entrée de menu installée : $apps/$name.desktop (lance $exe)."
