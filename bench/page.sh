#!/usr/bin/env bash
# The batch page (`extract --html`) on N records (default 10000): its size per record, and
# its cost — time and peak memory of `extract --html` against the same batch with
# `--jsonl /dev/null` only. Inputs: the committed text and HTML samples, replicated by
# symbolic links (cheap to extract, so the page's share shows).
# Then the time headless Chromium takes to load and draw the page (a screenshot), if present.
# Needs: GNU time (/usr/bin/time), python3. Usage: [JOBS=n] bash bench/page.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release -q
bin=target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
python3 - "$n" "$work/in" <<'PY'
import glob, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
files = sorted(glob.glob("samples/*.txt") + glob.glob("samples/*.html"))
for i in range(n):
    f = files[i % len(files)]
    os.symlink(os.path.abspath(f), f"{out}/f{i:05d}{os.path.splitext(f)[1]}")
PY
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-34s %8.2f s wall %8.2f s cpu %7.1f MiB peak\n", l, w, u + s, r / 1024 }'
}
jobs=${JOBS:+-j$JOBS}
measure "extract $jobs --jsonl /dev/null" "$bin" extract -q $jobs "$work/in" --jsonl /dev/null
measure "extract $jobs --html page.html" "$bin" extract -q $jobs "$work/in" --html "$work/page.html"
bytes=$(stat -c %s "$work/page.html")
awk -v b="$bytes" -v n="$n" 'BEGIN { printf "page: %.1f MiB for %d records, %.0f bytes per record\n", b / 1048576, n, b / n }'
if command -v chromium >/dev/null; then
  start=$(date +%s.%N)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --user-data-dir="$work/profile" --screenshot="$work/page.png" --window-size=1280,2000 \
    "file://$work/page.html" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "chromium: page loaded and drawn (screenshot) in %.1f s\n", e - s }'
fi
