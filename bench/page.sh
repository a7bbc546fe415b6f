#!/usr/bin/env bash
# The batch page (`extract --html`) on N records (default 10000): its size per record, and
# its cost — time and peak memory of `extract --html` against the same batch with
# `--jsonl /dev/null` only. Inputs: the committed text and HTML samples, replicated by
# symbolic links (cheap to extract, so the page's share shows).
# Needs: GNU time (/usr/bin/time). Usage: bash bench/page.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release -q
bin=target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(ls samples/*.txt samples/*.html)
mkdir "$work/in"
for ((i = 0; i < n; i++)); do
  f=${files[i % ${#files[@]}]}
  ln -s "$PWD/$f" "$work/in/f$i.${f##*.}"
done
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys rss <"$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-34s %8.2f s wall %8.2f s cpu %7.1f MiB peak\n", l, w, u + s, r / 1024 }'
}
measure "extract --jsonl /dev/null" "$bin" extract -q "$work/in" --jsonl /dev/null
measure "extract --html page.html" "$bin" extract -q "$work/in" --html "$work/page.html"
bytes=$(stat -c %s "$work/page.html")
awk -v b="$bytes" -v n="$n" 'BEGIN { printf "page: %.1f MiB for %d records, %.0f bytes per record\n", b / 1048576, n, b / n }'
