#!/usr/bin/env bash
# Renders the HTML reports in headless Chromium and saves screenshots, to look at by eye (CI
# does not run this: it needs a browser): the plan of the bundled fleet and the status of the
# bundled captures.
#
#   apt-get update && apt-get install -y chromium    # Debian's package
#   bash cli/tests/screenshot.sh [OUT_DIR]            # default /tmp: plan.png, status.png
#
# What to check in plan.png: the title and the summary cards (375 machines, 22 at risk,
# 11 actions, 0 problems on 2026-12-01), the timeline chart with red weekly bars of machines
# reaching notification and blue dashed threshold lines numbered 1-3 with their legend, then
# the per-KMS-host, method, MAK, risk, action and problem tables.
#
# What to check in status.png (at 2026-05-15, 30 days ahead): the cards (12 machines, 7 at
# risk, 2 KMS hosts, 5 actions, 1 unreadable capture), the products by state and by cause, the
# chart with red bars of 3, 1 and 1 machines in the weeks of 2026-05-11, 2026-05-18 and
# 2026-06-01, blue dashed lines 1 (now) and 2 (the horizon), the KMS host table (kms02:
# Windows client 25 NOT met), the machines at risk with their fix and evidence files (no
# column past the page edge), the ranked actions, every machine, and broken.txt under
# unreadable captures.
set -euo pipefail
cd "$(dirname "$0")/../.."

dir="${1:-/tmp}"
mkdir -p "$dir"
plan_html="$(mktemp --suffix=.html)"
status_html="$(mktemp --suffix=.html)"
profile="$(mktemp -d)"
trap 'rm -rf "$plan_html" "$status_html" "$profile"' EXIT

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "no chromium found: apt-get install -y chromium" >&2
  exit 2
fi

shoot() { # HTML PNG HEIGHT
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --screenshot="$2" --window-size="1200,$3" "file://$1" 2> /dev/null
  if [ ! -s "$2" ]; then
    echo "no screenshot written to $2" >&2
    exit 1
  fi
  echo "screenshot: $2"
}

cargo run -q -p volume-activation-cli -- plan examples/data/fleet.json --at 2026-12-01 \
  --html "$plan_html" > /dev/null
shoot "$plan_html" "$dir/plan.png" 2000

# Exit 2 is expected: broken.txt is deliberately unreadable (the report covers the rest).
status=0
cargo run -q -p volume-activation-cli -- status examples/data/captures --at 2026-05-15 \
  --horizon 30 --local-offset 0 --collected-at 2026-05-14T09:00:00Z \
  --html "$status_html" > /dev/null 2>&1 || status=$?
if [ "$status" -ne 2 ]; then
  echo "status exited $status, expected 2 (broken.txt unreadable)" >&2
  exit 1
fi
shoot "$status_html" "$dir/status.png" 3600
