#!/usr/bin/env bash
# Peak memory per file and per batch under the worker memory budget (--max-memory-mb).
# Builds PDFs of one empty page and N tiny unused objects (bench/many_objects.py), then
#  1. for each: peak RSS and outcome with the default budget (1024 MiB), the peak a worker
#     needs without a budget (--max-memory-mb 16384), and pdftotext's peak as the anchor;
#  2. one -j2 batch of the 1.5 M- and 4 M-object files with the sample PDFs: the peak of the
#     largest process (GNU time) and of the whole process tree (parent + workers, sampled).
# Needs: python3, poppler-utils (pdftotext), GNU time (/usr/bin/time), procps (ps).
# Usage: bash bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=$PWD/target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peak() { # command... → "<seconds> <peak MiB of the largest process>"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>/dev/null || true
  tail -1 "$work/time" | awk '{ printf "%6.2f s %6.0f MiB", $1, $2 / 1024 }'
}
outcome() { # the first record's status or error code
  sed -n '1s/.*"errors":\[{"code":"\([a-z_]*\)".*/\1/p; 1s/.*"status":"\(ok\|partial\)".*/\1/p' "$work/out" | head -1
}
printf '%-10s %9s | %-36s | %-24s | %s\n' objects "file MiB" "default budget (1024 MiB)" \
  "no budget (16384 MiB)" "pdftotext"
for n in 100000 300000 700000 1500000 4000000; do
  f="$work/objects-$n.pdf"
  python3 bench/many_objects.py "$n" "$f"
  mib=$(($(stat -c %s "$f") >> 20))
  bounded="$(peak "$bin" extract -q -j1 "$f" --jsonl -) $(outcome)"
  free="$(peak "$bin" extract -q -j1 --max-memory-mb 16384 --timeout 600 "$f" --jsonl -) $(outcome)"
  anchor=$(peak pdftotext "$f" /dev/null)
  printf '%-10s %9s | %-36s | %-24s | %s\n' "$n" "$mib" "$bounded" "$free" "$anchor"
done

batch="$work/batch"
mkdir -p "$batch"
mv "$work/objects-1500000.pdf" "$work/objects-4000000.pdf" "$batch/"
cp samples/*.pdf "$batch/"
"$bin" extract -q -j2 "$batch" --jsonl "$work/batch.jsonl" &
pid=$!
tree=0
while kill -0 "$pid" 2>/dev/null; do
  now=$(ps -o rss= -p "$pid" --ppid "$pid" | awk '{ s += $1 } END { print s + 0 }')
  ((now > tree)) && tree=$now
  sleep 0.05
done
wait "$pid" || true
echo
echo "-j2 batch: the 1.5 M- and 4 M-object files and $(ls samples/*.pdf | wc -l) sample PDFs"
echo "  records written: $(wc -l <"$work/batch.jsonl") of $(ls "$batch" | wc -l)"
echo "  largest process: $(peak "$bin" extract -q -j2 "$batch" --jsonl /dev/null)"
echo "  whole tree (parent + workers, sampled every 0.05 s): $((tree / 1024)) MiB"
