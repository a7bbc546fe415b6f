#!/usr/bin/env python3
"""Cells right and wrong on the OCR-layer samples, against their source samples' goldens.

    python3 bench/ocr_layer.py                    # release build, OCR as the machine allows
    python3 bench/ocr_layer.py -- --ocr never     # extra arguments for `govreport extract`
    GOVREPORT=target/debug/govreport python3 bench/ocr_layer.py   # another build

For each sample listed in samples/generate/manifest-ocr-layer.json, every table cell of the
source sample's golden (the generator's data) is compared with the record: in an `ok`
record a cell is right or wrong; in a `partial` one a wrong cell is either named (a failing
check's path is the cell, its row or its table) or unnamed. Prints one line per sample and a total.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("GOVREPORT", str(ROOT / "target" / "release" / "govreport"))


def cells(tables: dict, prefix: str = "tables"):
    """(path, value) of every cell of a golden's tables, as record paths."""
    for name, table in tables.items():
        for key, row in table.items():
            if key in ("printed", "columns"):
                continue
            rows = row.items() if name == "applications" else [(key, row)]
            base = f"{prefix}.{name}" + (".rows" if name == "applications" else "")
            for k, v in rows:
                if isinstance(v, list):
                    for i, x in enumerate(v):
                        yield f"{base}.{k}[{i}]", x
                else:
                    for col, x in v.items():
                        yield f"{base}.{k}.{col}", x


def get(record: dict, path: str):
    node = record
    for part in path.replace("[", ".[").split("."):
        if node is None:
            return "(absent)"
        if part.startswith("["):
            i = int(part[1:-1])
            node = node[i] if isinstance(node, list) and i < len(node) else "(absent)"
        else:
            node = node.get(part, "(absent)") if isinstance(node, dict) else "(absent)"
    return node


def named(record: dict, path: str) -> bool:
    failing = [c.get("path") or "" for c in record["checks"] if c["status"] == "fail"]
    row = path.rsplit("[", 1)[0] if path.endswith("]") else path.rsplit(".", 1)[0]
    table = ".".join(path.split(".")[:2])
    return any(p in (path, row, table) for p in failing)


def main() -> None:
    extra = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    manifest = json.loads((ROOT / "samples/generate/manifest-ocr-layer.json").read_text())
    total = {"ok_right": 0, "ok_wrong": 0, "partial_right": 0, "partial_named": 0, "partial_unnamed": 0}
    for s in manifest["samples"]:
        out = subprocess.run([BIN, "extract", "-q", "--jsonl", "-", *extra, str(ROOT / s["file"])],
                             capture_output=True, text=True, cwd=ROOT)
        record = json.loads(out.stdout)
        source = Path(s["source"]).stem
        truth = json.loads((ROOT / "golden" / f"{source}.json").read_text())["tables"]
        counts = dict.fromkeys(total, 0)
        status = record["status"]
        for path, want in cells(truth):
            got = get(record, path)
            right = got == want or (isinstance(got, (int, float)) and isinstance(want, (int, float))
                                    and abs(got - want) < 1e-9)
            if status == "ok":
                counts["ok_right" if right else "ok_wrong"] += 1
            elif right:
                counts["partial_right"] += 1
            else:
                counts["partial_named" if named(record, path) else "partial_unnamed"] += 1
        for k in total:
            total[k] += counts[k]
        ocr = record["source"].get("ocr") or {}
        print(f"{Path(s['file']).name:38s} {status:8s} ocr pages={ocr.get('pages')} "
              + " ".join(f"{k}={v}" for k, v in counts.items()))
    print("total".ljust(38), " ".join(f"{k}={v}" for k, v in total.items()))


if __name__ == "__main__":
    main()
