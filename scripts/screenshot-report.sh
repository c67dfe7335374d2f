#!/usr/bin/env bash
# Renders a self-contained HTML report to a PNG with headless Chromium (Debian's /usr/bin/chromium;
# install it with `apt-get install -y chromium`). No network is used: the report must not need any.
#
# Usage: scripts/screenshot-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT (default 1400,3000)]" >&2
  exit 2
fi
html="$1"
out="$2"
size="${3:-1400,3000}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [[ ! -f "$html" ]]; then
  echo "report file not found: $html" >&2
  exit 1
fi
if [[ ! -x "$chromium" ]]; then
  echo "chromium not found at $chromium (install with: apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 1
fi

html_abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
mkdir -p "$(dirname "$out")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size="$size" --hide-scrollbars \
  --screenshot="$out_abs" "file://$html_abs" >/dev/null 2>&1 || {
  echo "chromium failed to render $html_abs" >&2
  exit 1
}

if [[ ! -s "$out_abs" ]]; then
  echo "chromium did not write $out_abs" >&2
  exit 1
fi
echo "$out_abs"
