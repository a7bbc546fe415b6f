#!/usr/bin/env bash
# Seconds per OCR page: govreport on the scans of tests/scans/ against bare tesseract on
# the same page images (pdftoppm at 300 dpi, grey, uncompressed TIFF: the input tesseract
# reads fastest), both with one recognition thread. govreport keeps tesseract's models
# loaded from page to page (it calls libtesseract); so does the last line, bare tesseract
# reading every page image in one process, which shows what that saving is worth.
#   bash bench/ocr.sh [ROUNDS]      (default 1; needs a release build, tesseract, pdftoppm)
# Reports wall and CPU seconds (user+sys, children included) per page; on a shared machine
# wall time depends on the load, CPU time much less. The render is timed on its own: bare
# tesseract is given page images already rendered, govreport renders them itself.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1}
bin=target/release/govreport
[ -x "$bin" ] || cargo build --release
export OMP_THREAD_LIMIT=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=0
for f in tests/scans/*.pdf; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  pages=$((pages + n))
  pdftoppm -r 300 -gray -tiff "$f" "$work/$(basename "$f" .pdf)"
done
ls "$work"/*.tif >"$work/list.txt"
measure() { # label, command...: prints wall and CPU seconds per page
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1
  read -r wall user sys <"$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v p="$pages" \
    'BEGIN { printf "%-40s %6.2f s wall/page  %6.2f s CPU/page  (%d pages)\n", l, w / p, (u + s) / p, p }'
}
for _ in $(seq "$rounds"); do
  measure "govreport extract -j1" "$bin" extract -q -j1 --timeout 900 -o "$work/out" tests/scans
  measure "govreport extract -j2" "$bin" extract -q -j2 --timeout 900 -o "$work/out" tests/scans
  measure "pdftoppm 300 dpi grey TIFF (the render)" \
    bash -c "mkdir -p '$work/render'; for f in tests/scans/*.pdf; do pdftoppm -r 300 -gray -tiff \"\$f\" '$work/render/r'; done"
  measure "bare tesseract (chi_sim, psm 3, tsv)" \
    bash -c "for p in '$work'/*.tif; do tesseract \"\$p\" - -l chi_sim --psm 3 --dpi 300 tsv; done"
  measure "bare tesseract, one process, all pages" \
    tesseract "$work/list.txt" - -l chi_sim --psm 3 --dpi 300 tsv
done
