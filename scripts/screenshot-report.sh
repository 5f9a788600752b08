#!/usr/bin/env bash
# Renders the HTML report of a fixture in headless Chromium and saves a PNG for the docs.
# Usage: scripts/screenshot-report.sh [out.png] [cv files...]   (needs Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/report.png}
shift || true
files=("${@:-fixtures/cv/sam-lee-python.md}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node bin/cvlint.js --format html -o "$tmp/report.html" --job fixtures/jobs/shopwise-python-prose.txt "${files[@]}" || true
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --window-size=1300,1500 \
  --screenshot="$out" "file://$tmp/report.html" 2>/dev/null
echo "wrote $out"
