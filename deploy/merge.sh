#!/usr/bin/env bash
# Joins the shards a job array wrote: OUT/shards/*.jsonl → OUT/all.jsonl and
# OUT/shards/*.csv → OUT/cells.csv (one header). Usage: deploy/merge.sh OUT
set -euo pipefail
out=${1:?usage: deploy/merge.sh OUT}
shopt -s nullglob
jsonl=("$out"/shards/*.jsonl)
csv=("$out"/shards/*.csv)
cat "${jsonl[@]}" /dev/null >"$out/all.jsonl"
if [ ${#csv[@]} -gt 0 ]; then
  { head -n 1 "${csv[0]}"; for f in "${csv[@]}"; do tail -n +2 "$f"; done; } >"$out/cells.csv"
fi
echo "$(wc -l <"$out/all.jsonl") records from ${#jsonl[@]} shards in $out/all.jsonl"
