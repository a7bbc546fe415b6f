#!/usr/bin/env python3
"""govreport on the scan matrix (samples/generate/scan_matrix.py): table cells right against
the goldens, per scan style and per split (tuned / held-out), and CPU seconds per page.

    python3 samples/generate/scan_matrix.py /tmp/scan-matrix
    python3 bench/scan_matrix.py /tmp/scan-matrix [--bin target/release/govreport]
            [--split tuned|heldout|dev|dev2|dev3|all] [--style STYLE ...] [--keep DIR] [--json FILE]

For each split and style, one `govreport extract --ocr auto -j 1` run over that style's files
(OMP_THREAD_LIMIT=1, so one recognition thread), timed by the CPU seconds of the run and all
its children (user + sys). Per group it reports: cells right / cells and %, records `ok`
and `partial` (and any other status), wrong cells inside `ok` records, wrong cells that no
failing check names (the rule of bench/ocr_cells.py and tests/ocr.rs: a failing check whose
path is the cell, its row or its table; the cells of a record that failed as a whole, with
no tables, are counted apart, as "in failed records"), and CPU seconds per page. Then the same totals
(without CPU) by the tables' ruling (full / rows only / frame only), by rule shade (dark /
light or thin), by producer, and for the legible files alone, in all and per style (a
file whose scan kept under half its source's ink on some page is ILLEGIBLE: see
bench/scan_legibility.py).

Per-file details (each wrong cell, expected and read) are printed for the TUNED and DEV
splits only. The HELD-OUT split is measured in aggregate only: its failures are not to be
read or tuned on (see the split rule at the top of scan_matrix.py); `--keep` keeps TUNED
and DEV records only.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.dont_write_bytecode = True
from ocr_cells import cells, named  # noqa: E402
from scan_legibility import LEGIBLE, legibility, load_cache, save_cache  # noqa: E402

STYLES = ["clean", "office", "fax", "photo", "bilevel", "scale", "dither", "photocopy"]


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def score(rec: dict, gold: dict) -> dict:
    exp = dict(cells(gold.get("tables") or {}, "tables"))
    got = dict(cells(rec.get("tables") or {}, "tables"))
    bad = [(p, v, got.get(p)) for p, v in exp.items() if got.get(p) != v]
    # a record that failed as a whole (no tables: timeout, internal, …) names all its cells
    failed = rec.get("status") not in ("ok", "partial")
    silent = [] if failed else [p for p, _, _ in bad if not named(rec, p)]
    return {"status": rec.get("status"), "cells": len(exp), "right": len(exp) - len(bad),
            "wrong": bad, "unnamed": silent, "in_failed": len(bad) if failed else 0,
            "wrong_in_ok": len(bad) if rec.get("status") == "ok" else 0}


def run_group(binary: str, files: list, out: Path) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1"}
    before = cpu_children()
    subprocess.run([binary, "extract", "-q", "--ocr", "auto", "-j", "1", "--timeout", "900",
                    "-o", str(out), *map(str, files)], env=env, check=False)
    return cpu_children() - before


def row(label: str, g: dict) -> str:
    pct = 100 * g["right"] / max(g["cells"], 1)
    st = g["status"]
    other = sum(v for k, v in st.items() if k not in ("ok", "partial"))
    return (f"| {label} | {g['files']} | {g['pages']} | {g['right']} / {g['cells']} | {pct:.2f} % | "
            f"{st.get('ok', 0)} | {st.get('partial', 0)} | {other} | {g['wrong_in_ok']} | {g['unnamed']} | {g['in_failed']} | "
            f"{g['cpu'] / max(g['pages'], 1):.2f} |")


def rules(m: dict) -> str:
    """The ruling of a file's tables: `full` (every cell ruled, and every committed sample and
    the real report), `rows only` (no column rules inside), `frame only` (no inner rules)."""
    inner = (m["source"].get("geometry") or {}).get("inner", "all")
    return {"all": "full", "horizontal": "rows only", "none": "frame only"}[inner]


def light(m: dict) -> str:
    """Whether a file's rules are light: grey (render geometry) or at most 0.25 pt."""
    g = m["source"].get("geometry") or {}
    grey = g.get("rule_grey") or g.get("rule_color") not in (None, "000000") or \
        g.get("css_color", "#000") != "#000"
    thin = g.get("line_width", 1) <= 0.25 or g.get("css_width", 1) <= 0.5
    return "light or thin rules" if grey or thin else "dark rules"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default="/tmp/scan-matrix")
    ap.add_argument("--bin", default=str(ROOT / "target/release/govreport"))
    ap.add_argument("--split", choices=["tuned", "heldout", "dev", "dev2", "dev3", "all"], default="all")
    ap.add_argument("--style", nargs="*", help="measure only these styles")
    ap.add_argument("--keep", help="keep the TUNED or DEV split's records in this folder")
    ap.add_argument("--json", help="write the per-group totals (and the tuned per-file results) here")
    args = ap.parse_args()
    d = Path(args.dir)
    manifest = json.loads((d / "manifest.json").read_text())["files"]
    splits = ["tuned", "heldout"] if args.split == "all" else [args.split]
    result = {"bin": args.bin, "dir": str(d), "started": time.strftime("%Y-%m-%d %H:%M:%S"), "groups": {},
              "tuned_files": {}}
    lines = ["| style | files | pages | cells right | % | ok | partial | other | wrong in ok | "
             "wrong, no failing check names it | in failed records | CPU s / page |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    by: dict = {}
    kept = load_cache(d)
    for split in splits:
        total = {"files": 0, "pages": 0, "cells": 0, "right": 0, "status": Counter(), "wrong_in_ok": 0,
                 "unnamed": 0, "in_failed": 0, "cpu": 0.0}
        for style in STYLES:
            group = [m for m in manifest if m["split"] == split and m["style"] == style]
            if not group or (args.style and style not in args.style):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(args.keep) if (args.keep and split != "heldout") else Path(tmp)
                out.mkdir(parents=True, exist_ok=True)
                cpu = run_group(args.bin, [d / m["pdf"] for m in group], out)
                g = {"files": len(group), "pages": sum(m["pages"] for m in group), "cells": 0, "right": 0,
                     "status": Counter(), "wrong_in_ok": 0, "unnamed": 0, "in_failed": 0, "cpu": cpu}
                for m in group:
                    rec_path = out / f"{m['name']}.json"
                    rec = json.loads(rec_path.read_text()) if rec_path.exists() else {"status": "missing"}
                    s = score(rec, json.loads((d / m["golden"]).read_text()))
                    g["cells"] += s["cells"]
                    g["right"] += s["right"]
                    g["status"][s["status"]] += 1
                    g["wrong_in_ok"] += s["wrong_in_ok"]
                    g["unnamed"] += len(s["unnamed"])
                    g["in_failed"] += s["in_failed"]
                    legible = "legible" if legibility(d, m, kept) >= LEGIBLE else "ILLEGIBLE"
                    for key in (f"{split}/rules: {rules(m)}", f"{split}/{light(m)}",
                                f"{split}/{legible}", f"{split}/{legible}: {style}",
                                f"{split}/producer: {m['source'].get('producer', '?').split('-')[0]}"):
                        b = by.setdefault(key, Counter())
                        b.update({"files": 1, "cells": s["cells"], "right": s["right"],
                                  "wrong_in_ok": s["wrong_in_ok"], "unnamed": len(s["unnamed"]),
                                  "in_failed": s["in_failed"],
                                  f"status {s['status']}": 1})
                    if split != "heldout":
                        result["tuned_files"][m["name"]] = {k: v for k, v in s.items()}
                        print(f"{m['name']}: {s['status']}, cells {s['right']}/{s['cells']}", flush=True)
                        for p, v, got in s["wrong"]:
                            print(f"  {p}: expected {v}, got {got}{'  (NOT NAMED)' if p in s['unnamed'] else ''}")
            result["groups"][f"{split}/{style}"] = {**g, "status": dict(g["status"])}
            lines.append(row(f"{split} {style}", g))
            for k in ("files", "pages", "cells", "right", "wrong_in_ok", "unnamed", "in_failed", "cpu"):
                total[k] += g[k]
            total["status"].update(g["status"])
            print(lines[-1], flush=True)
        result["groups"][f"{split}/all"] = {**total, "status": dict(total["status"])}
        lines.append(row(f"**{split} all**", total))
    print("\n".join(lines))
    # the same totals by table ruling, rule shade and producer (aggregates: allowed on held-out)
    print("\n| split / files by | files | cells right | % | ok | wrong in ok | wrong, not named |\n|---|---|---|---|---|---|---|")
    for key in sorted(by):
        b = by[key]
        print(f"| {key} | {b['files']} | {b['right']} / {b['cells']} | {100 * b['right'] / max(b['cells'], 1):.2f} % | "
              f"{b['status ok']} | {b['wrong_in_ok']} | {b['unnamed']} |")
    result["by"] = {k: dict(v) for k, v in by.items()}
    save_cache(d, kept)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
