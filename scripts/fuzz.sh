#!/bin/sh
# Runs every fuzz target for N seconds each (default 60) on its committed corpus in
# fuzz/corpus/<target>/, which keeps what the run learns, then minimises each corpus so
# the committed one stays small (inputs up to 512 bytes). Needs nightly and cargo-fuzz
# (`cargo install cargo-fuzz`).
#
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 600        # 10 min per target
#   scripts/fuzz.sh 30 slmgr_dlv redaction   # only these targets
#
# Seeds: the first run of a target with an empty corpus starts from the test fixtures of
# its format (tests/fixtures/<format>/ and tests/fixtures/real-input/).
set -eu
secs=${1:-60}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"
targets=${*:-$(cargo +nightly fuzz list)}
for t in $targets; do
    corpus="corpus/$t"
    mkdir -p "$corpus"
    if [ -z "$(ls -A "$corpus")" ]; then
        dir=$(echo "$t" | tr _ -)
        for f in "$root/tests/fixtures/$dir"/* "$root/tests/fixtures/real-input"/*; do
            [ -f "$f" ] && cp "$f" "$corpus/seed-$(basename "$f")"
        done
    fi
    echo "== $t: ${secs}s"
    cargo +nightly fuzz run "$t" "$corpus" -- -max_total_time="$secs" -max_len=512
    # Keep only inputs that add coverage.
    cargo +nightly fuzz cmin "$t" "$corpus" -- -max_len=512
done
