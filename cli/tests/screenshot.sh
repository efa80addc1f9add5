#!/usr/bin/env bash
# Renders the HTML plan report of the bundled fleet in headless Chromium and saves a
# screenshot, to look at by eye (CI does not run this: it needs a browser).
#
#   apt-get update && apt-get install -y chromium    # Debian's package
#   bash cli/tests/screenshot.sh [OUT.png]            # default /tmp/plan.png
#
# What to check in the picture: the title and the summary cards (375 machines, 22 at risk,
# 11 actions, 0 problems on 2026-12-01), the timeline chart with red weekly bars of machines
# reaching notification and blue dashed threshold lines numbered 1-3 with their legend, then
# the per-KMS-host, method, MAK, risk, action and problem tables.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="${1:-/tmp/plan.png}"
html="$(mktemp --suffix=.html)"
profile="$(mktemp -d)"
trap 'rm -rf "$html" "$profile"' EXIT

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "no chromium found: apt-get install -y chromium" >&2
  exit 2
fi

cargo run -q -p volume-activation-cli -- plan examples/data/fleet.json --at 2026-12-01 \
  --html "$html" > /dev/null
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --screenshot="$out" --window-size=1200,2000 "file://$html" 2> /dev/null
echo "screenshot: $out"
