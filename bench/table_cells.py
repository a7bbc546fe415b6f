#!/usr/bin/env python3
"""National-table cells right on a folder of generated reports, overall and per damage feature.

    python3 samples/generate/torn.py tuned
    python3 bench/table_cells.py --bin /work/stage/bin/govreport-wave2-pre /tmp/torn/tuned [--detail]

Runs `BIN extract -q -j1 --jsonl` over DIR's .txt/.html/.pdf files and compares every cell of
each golden's `tables` (表二 active_disclosure, 表三 applications, 表四 review_litigation; the
`printed` maps and 表三's `columns` list are not cells) with the record's, as bench/ocr_cells.py
does for the scans. DIR/golden/<stem>.json is each file's golden; DIR/manifest.json, when
there, names each file's features (torn.py writes it) for the per-feature lines.

Counted: cells right; records `ok` with any wrong cell, and the wrong cells in them (the
silent errors); statuses.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path


def cells(v, at):
    if isinstance(v, dict):
        for k, x in v.items():
            if k not in ("printed", "columns"):
                yield from cells(x, f"{at}.{k}")
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from cells(x, f"{at}[{i}]")
    else:
        yield at, v


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return a == b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--bin", required=True, help="the govreport binary to measure")
    ap.add_argument("--detail", action="store_true", help="print the wrong cells of every file")
    args = ap.parse_args()
    tally = defaultdict(lambda: {"files": 0, "right": 0, "cells": 0, "ok_wrong": 0, "wrong_in_ok": 0})
    statuses = defaultdict(int)
    for d in args.dirs:
        files = sorted(p for p in d.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
        mpath = d / "manifest.json"
        manifest = json.loads(mpath.read_text(encoding="utf-8")) if mpath.exists() else {}
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "records.jsonl"
            subprocess.run(["nice", args.bin, "extract", "-q", "-j1", "--timeout", "120", "--jsonl", str(out),
                            *map(str, files)], check=False)
            records = {Path(r["source"]["path"]).stem: r
                       for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
        for f in files:
            gold = json.loads((d / "golden" / f"{f.stem}.json").read_text(encoding="utf-8"))
            rec = records.get(f.stem) or {"status": "missing"}
            exp = dict(cells(gold.get("tables") or {}, "tables"))
            got = dict(cells(rec.get("tables") or {}, "tables"))
            bad = [(p, v, got.get(p, "∅")) for p, v in exp.items() if not (p in got and same(v, got[p]))]
            statuses[rec["status"]] += 1
            for k in ["ALL"] + sorted(set(manifest.get(f.stem, {}).get("features", []))):
                t = tally[k]
                t["files"] += 1
                t["cells"] += len(exp)
                t["right"] += len(exp) - len(bad)
                if rec["status"] == "ok" and bad:
                    t["ok_wrong"] += 1
                    t["wrong_in_ok"] += len(bad)
            if args.detail:
                print(f"{f.name}: {rec['status']}, cells {len(exp) - len(bad)}/{len(exp)}")
                for p, v, g in bad[:40]:
                    print(f"  {p}: expected {v}, got {g}")
                if len(bad) > 40:
                    print("  …")
    print(f"statuses {dict(statuses)}")
    print(f"{'':28s} {'files':>5s} {'cells right':>22s} {'ok+wrong':>8s} {'wrong cells in ok':>17s}")
    for k in ["ALL"] + sorted(k for k in tally if k != "ALL"):
        t = tally[k]
        pct = 100 * t["right"] / max(t["cells"], 1)
        print(f"{k:28s} {t['files']:5d} {t['right']:>9d}/{t['cells']:<5d} ({pct:5.1f}%) {t['ok_wrong']:8d} {t['wrong_in_ok']:17d}")


if __name__ == "__main__":
    main()
