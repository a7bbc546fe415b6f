#!/usr/bin/env bash
# Throughput and peak memory: govreport extract (-j1 and all cores) against pdftotext -layout
# over the committed sample PDFs replicated to a batch of N files (default 2000), then the
# same over N one-page files (page 1 of each sample), where per-file overhead would show.
# Needs: poppler-utils (pdftotext, pdfinfo), qpdf, GNU time (/usr/bin/time).
# Usage: bash bench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
cargo build --release -q
bin=target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t pdfs < <(ls samples/*.pdf)
for ((i = 0; i < n; i++)); do
  ln -s "$PWD/${pdfs[i % ${#pdfs[@]}]}" "$work/f$i.pdf"
done
pages=0
for ((i = 0; i < n; i++)); do
  p=$(pdfinfo "${pdfs[i % ${#pdfs[@]}]}" 2>/dev/null | awk '/^Pages:/ {print $2}')
  pages=$((pages + p))
done
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys rss <"$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v p="$pages" 'BEGIN {
    cpu = u + s; printf "%-28s %8.2f s wall %8.2f s cpu %9.0f pages/s %9.0f pages/cpu-s %7.1f MiB peak\n", l, w, cpu, p / w, p / cpu, r / 1024 }'
}
run_all() { # folder
  measure "govreport extract -j1" "$bin" extract -q -j1 "$1" --jsonl /dev/null
  measure "govreport extract -j$(nproc)" "$bin" extract -q "$1" --jsonl /dev/null
  measure "pdftotext -layout (loop)" bash -c "for f in $1/*.pdf; do pdftotext -layout \"\$f\" /dev/null; done"
}
echo "$n files, $pages pages"
run_all "$work"

one="$work/one-page"
src1="$work/one-src"
mkdir -p "$one" "$src1"
for f in "${pdfs[@]}"; do
  qpdf --empty --pages "$f" 1 -- "$src1/$(basename "$f")"
done
mapfile -t singles < <(ls "$src1"/*.pdf)
for ((i = 0; i < n; i++)); do
  ln -s "${singles[i % ${#singles[@]}]}" "$one/f$i.pdf"
done
pages=$n
echo
echo "$n one-page files"
run_all "$one"
