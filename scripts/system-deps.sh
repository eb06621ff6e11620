#!/usr/bin/env bash
# Installs the Debian packages that SignX's tests and optional features use.
# Idempotent: does nothing when every tool is already present. Needs root (or sudo) for apt.
set -euo pipefail

# tool -> Debian package that provides it
declare -A wanted=(
  [qpdf]=qpdf
  [pdfsig]=poppler-utils
  [pdftoppm]=poppler-utils
  [mutool]=mupdf-tools
  [certutil]=libnss3-tools
  [openssl]=openssl
  [soffice]=libreoffice-writer-nogui
  [fc-list]=fontconfig
  [unshare]=util-linux
  # the keys module's PKCS#11 tests: a software HSM token (libsofthsm2.so)
  [softhsm2-util]=softhsm2
)
# font files the PDF appearance tests embed (CJK, Hebrew)
declare -A wanted_files=(
  [/usr/share/fonts/truetype/wqy/wqy-microhei.ttc]=fonts-wqy-microhei
  [/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf]=fonts-dejavu-core
  [/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf]=fonts-dancingscript
  # the web app's end-to-end tests and screenshots: Chinese and Hebrew text in Chromium
  [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]=fonts-noto-cjk
  [/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf]=fonts-noto-core
  # the LibreOffice conversion pool (platform/convert): its UNO helper, the spreadsheet and
  # presentation filters, and the fonts contracts name (Calibri/Cambria metrics, Hebrew, Arial)
  [/usr/lib/python3/dist-packages/uno.py]=python3-uno
  [/usr/lib/libreoffice/program/libsclo.so]=libreoffice-calc-nogui
  [/usr/lib/libreoffice/program/libsdlo.so]=libreoffice-impress-nogui
  [/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf]=fonts-crosextra-carlito
  [/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf]=fonts-crosextra-caladea
  [/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf]=fonts-liberation2
  [/usr/share/fonts/truetype/culmus/DavidCLM-Medium.otf]=culmus
)
# Debian's Chromium drives the web app's end-to-end tests (never a downloaded browser).
wanted[chromium]=chromium

missing=()
for tool in "${!wanted[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${wanted[$tool]}")
done
for file in "${!wanted_files[@]}"; do
  [ -e "$file" ] || missing+=("${wanted_files[$file]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "system-deps: installing ${packages[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
