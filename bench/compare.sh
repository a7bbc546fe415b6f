#!/usr/bin/env bash
# `govreport compare` on N records (default 10000): time and peak memory of the text, JSON,
# panel CSV and HTML outputs. The records are the committed samples' records, each copy
# given its own agency name (第k号…) and path, so that groups stay small as in real panels.
# Needs: GNU time (/usr/bin/time), python3. Usage: bash bench/compare.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release -q
bin=target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" extract -q samples --jsonl "$work/samples.jsonl" || true
python3 - "$n" "$work/samples.jsonl" "$work/records.jsonl" <<'PY'
import json, sys
n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lines = open(src, encoding="utf-8").read().splitlines()
with open(dst, "w", encoding="utf-8") as out:
    for i in range(n):
        r = json.loads(lines[i % len(lines)])
        if r["report"].get("agency"):
            r["report"]["agency"] = f"第{i // len(lines)}号{r['report']['agency']}"
        r["source"]["path"] = f"copy{i // len(lines)}/{r['source']['path']}"
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-36s %8.2f s wall %8.2f s cpu %7.1f MiB peak\n", l, w, u + s, r / 1024 }'
}
echo "$n records ($(du -m "$work/records.jsonl" | cut -f1) MiB of JSON Lines)"
measure "compare (text)" "$bin" compare -q "$work/records.jsonl"
measure "compare --json" "$bin" compare -q --json "$work/records.jsonl"
measure "compare --csv panel.csv" "$bin" compare -q --csv "$work/panel.csv" "$work/records.jsonl"
measure "compare --html page.html" "$bin" compare -q --html "$work/page.html" "$work/records.jsonl"
