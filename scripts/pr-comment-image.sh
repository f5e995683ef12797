#!/usr/bin/env bash
# Renders demo-output/comment.html (written by `npm run demo`) to docs/pr-comment.png with headless Chromium,
# trimmed to the comment. Needs `chromium` and ImageMagick's `convert` (Debian: apt-get install chromium imagemagick).
# Usage: scripts/pr-comment-image.sh [path/to/comment.html] [path/to/output.png]
set -euo pipefail
cd "$(dirname "$0")/.."

html=${1:-demo-output/comment.html}
out=${2:-docs/pr-comment.png}
[ -f "$html" ] || { echo "$html not found: run npm run demo first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --force-device-scale-factor=2 \
  --window-size=928,2400 --screenshot="$work/raw.png" "file://$(realpath "$html")" 2>/dev/null

# Cut the empty page below the comment, keep a small margin in the page colour, drop metadata.
convert "$work/raw.png" -fuzz 1% -trim +repage -bordercolor '#f6f8fa' -border 24 -strip "$out"
echo "wrote $out"
