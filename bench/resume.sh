#!/usr/bin/env bash
# Resuming and sharding at scale: the committed samples replicated to N files (default
# 10000), then
#  1. a full run (-o, --jsonl, --csv): files/s and CPU;
#  2. the same command with --skip-existing when every record exists: files/s and CPU
#     (hashing each input and reusing its record must cost far less than extracting it);
#  3. the batch as 4 shards run one after another (--shard K/4): their total CPU against
#     the single run's.
# Needs GNU time (/usr/bin/time). Usage: bash bench/resume.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release -q
bin=$PWD/target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(ls samples/*.pdf samples/*.txt samples/*.html)
mkdir -p "$work/in"
for ((i = 0; i < n; i++)); do
  f=${files[i % ${#files[@]}]}
  ln -s "$PWD/$f" "$work/in/f$i.${f##*.}"
done
measure() { # label, command... → wall, CPU (parent and workers), files/s
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/time" | awk -v l="$label" -v n="$n" '{
    printf "%-44s %8.2f s wall %8.2f s CPU %9.0f files/s\n", l, $1, $2 + $3, n / $1 }'
}
out=(-o "$work/out" --jsonl "$work/all.jsonl" --csv "$work/cells.csv")
echo "$n files (the $(ls samples | grep -c .) samples, replicated)"
measure "full run" "$bin" extract -q "$work/in" "${out[@]}"
cp "$work/all.jsonl" "$work/first.jsonl"
measure "resumed, every record exists (--skip-existing)" "$bin" extract -q "$work/in" "${out[@]}" --skip-existing
cmp -s "$work/all.jsonl" "$work/first.jsonl" && echo "  (the resumed run's JSON Lines equal the full run's)"
total=0
for k in 1 2 3 4; do
  /usr/bin/time -f "%U %S" -o "$work/time" "$bin" extract -q --shard "$k/4" "$work/in" \
    --jsonl /dev/null >/dev/null 2>&1 || true
  total=$(tail -1 "$work/time" | awk -v t="$total" '{ print t + $1 + $2 }')
done
/usr/bin/time -f "%U %S" -o "$work/time" "$bin" extract -q "$work/in" --jsonl /dev/null >/dev/null 2>&1 || true
single=$(tail -1 "$work/time" | awk '{ print $1 + $2 }')
echo "single run (--jsonl only): $single s CPU; 4 shards: $total s CPU in all"
