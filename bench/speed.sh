#!/usr/bin/env bash
# The README's speed figure: CPU seconds of `govreport extract -j1` (full parse, checks, JSON,
# worker process included) against `pdftotext -layout` (text only, one process per file, as
# a shell loop runs it) on the born-digital sample PDFs (the OCR-layer samples, which OCR
# re-reads, left out), replicated to N files (default 2100); median of R runs (default 3).
# Needs: poppler-utils (pdftotext), GNU time (/usr/bin/time).
# Usage: bash bench/speed.sh [N] [R] [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2100}
runs=${2:-3}
bin=${3:-target/release/govreport}
[ "$bin" = target/release/govreport ] && cargo build --release -q
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t pdfs < <(ls samples/*.pdf | grep -v ocrmypdf)
for ((i = 0; i < n; i++)); do
  ln -s "$PWD/${pdfs[i % ${#pdfs[@]}]}" "$work/f$i.pdf"
done
cpu() { # command... → user+system CPU seconds
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ours=$(for ((r = 0; r < runs; r++)); do cpu "$bin" extract -q -j1 "$work" --jsonl /dev/null; done | median)
theirs=$(for ((r = 0; r < runs; r++)); do
  cpu bash -c "for f in $work/*.pdf; do pdftotext -layout \"\$f\" /dev/null; done"
done | median)
echo "$n born-digital PDFs (${#pdfs[@]} samples), median of $runs runs:"
echo "govreport extract -j1: $ours CPU s; pdftotext -layout: $theirs CPU s"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio: %.2f x pdftotext -layout\n", a / b }'
