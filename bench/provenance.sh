#!/usr/bin/env bash
# What the `cells` provenance map (one entry per table row) costs: the records of the
# committed samples, pretty (`-o`) and compact (`--jsonl`), with and without `cells`, and the
# extraction time of the batch (compare it with the same script on a build before `cells`, BIN=path/to/govreport).
# Needs: python3. Usage: [BIN=target/release/govreport] bash bench/provenance.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-target/release/govreport}
[ -n "${BIN:-}" ] || cargo build --release -q
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
"$bin" extract -q samples -o "$work/out" || true
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "extract samples -o: %.1f s\n", e - s }'
python3 - "$work/out" <<'PY'
import glob, json, os, sys
pretty = [0, 0]
compact = [0, 0]
cells = {"pdf": [0, 0, 0], "other": [0, 0, 0]}
def listed(entry):
    # the cells a row's entry lists: those with a source (see docs/guide/record.md)
    source = entry["source"]
    if isinstance(source, str):
        return len(entry.get("x") or entry.get("box"))
    values = source.values() if isinstance(source, dict) else source
    return sum(s is not None for s in values)
for f in glob.glob(os.path.join(sys.argv[1], "**", "*.json"), recursive=True):
    record = json.load(open(f))
    size = lambda r, **k: len(json.dumps(r, ensure_ascii=False, **k).encode())
    pretty[1] += os.path.getsize(f)
    compact[1] += size(record, separators=(",", ":"))
    entries = record.pop("cells", {})
    pretty[0] += size(record, indent=2) + 1
    compact[0] += size(record, separators=(",", ":"))
    kind = "pdf" if record["source"]["format"] == "pdf" else "other"
    cells[kind][0] += sum(listed(e) for e in entries.values())
    cells[kind][1] += len(entries)
    cells[kind][2] += len(json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode())
for name, (a, b) in (("pretty", pretty), ("compact", compact)):
    print(f"{name:8} without cells {a:>9} B, with {b:>9} B (+{b - a} B, +{100 * (b - a) / a:.0f} %)")
for kind, (n, rows, b) in cells.items():
    print(f"cells of {kind:5}: {n} cells in {rows} rows, {b / max(n, 1):.0f} B per cell (compact)")
PY
