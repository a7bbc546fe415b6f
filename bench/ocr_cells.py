#!/usr/bin/env python3
"""Cells right on the scanned samples: each record's table cells against its golden.

    cargo build --release && python3 bench/ocr_cells.py [tests/scans/*.pdf]

Each file's golden is golden/<stem>.json beside it (tests/scans/golden/ for the committed
scans; `scan.py --fresh DIR` writes DIR/golden/).

Prints, per file, status, cells right / cells, wrong cells (path: expected, got) and
whether a wrong cell sits in an `ok` record; then the totals.
"""
import glob
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cells(v, at):
    if isinstance(v, dict):
        for k, x in v.items():
            if k != "printed":
                yield from cells(x, f"{at}.{k}")
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from cells(x, f"{at}[{i}]")
    else:
        yield at, v


def named(rec, path):
    """Whether a failing check names the cell at `path`, its row or its table (as
    tests/ocr.rs decides it)."""
    row = path.rsplit("[", 1)[0] if "[" in path else path.rsplit(".", 1)[0]
    table = ".".join(path.split(".", 2)[:2])
    return any(c.get("status") == "fail" and c.get("path") in (path, row, table)
               for c in rec.get("checks", []))


def main():
    files = sys.argv[1:] or sorted(glob.glob(str(ROOT / "tests/scans/*.pdf")))
    right = total = wrong_in_ok = unnamed = 0
    fields = fields_right = 0
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([str(ROOT / "target/release/govreport"), "extract", "-q", "--timeout", "600",
                        "-o", out, *files],
                       check=False)
        for f in files:
            stem = Path(f).stem
            rec = json.loads((Path(out) / f"{stem}.json").read_text())
            gold = json.loads((Path(f).parent / "golden" / f"{stem}.json").read_text())
            exp = dict(cells(gold.get("tables", {}), "tables"))
            got = dict(cells(rec.get("tables") or {}, "tables"))
            bad = [(p, v, got.get(p)) for p, v in exp.items() if got.get(p) != v]
            right += len(exp) - len(bad)
            total += len(exp)
            if rec["status"] == "ok":
                wrong_in_ok += len(bad)
            silent = [p for p, _, _ in bad if not named(rec, p)]
            unnamed += len(silent)
            rep = gold.get("report", {})
            ok_fields = [k for k, v in rep.items() if (rec.get("report") or {}).get(k) == v]
            secs = [s["number"] for s in rec.get("sections", [])]
            fields += len(rep) + 1
            fields_right += len(ok_fields) + (secs == [1, 2, 3, 4, 5, 6])
            print(f"{stem}: {rec['status']}, cells {len(exp) - len(bad)}/{len(exp)}, "
                  f"report fields {len(ok_fields)}/{len(rep)}, sections {secs}")
            for p, v, g in bad:
                print(f"  {p}: expected {v}, got {g}{'  (NOT NAMED)' if p in silent else ''}")
    print(f"total: cells right {right}/{total} ({100 * right / max(total, 1):.2f} %), "
          f"wrong cells in ok records {wrong_in_ok}, wrong cells no failing check names {unnamed}, "
          f"report fields+sections {fields_right}/{fields}")


if __name__ == "__main__":
    main()
