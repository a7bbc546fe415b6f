#!/usr/bin/env python3
"""Statistics cells right on generated pre-2019 reports (issue #31), overall and per form feature.

    python3 samples/generate/pre2019_matrix.py tuned
    python3 bench/pre2019_cells.py --bin /work/stage/bin/govreport-wave2-pre /tmp/pre2019-matrix/tuned
    python3 bench/pre2019_cells.py --bin BIN /tmp/pre2019-matrix/wide     # the broader forms (split wide)
    python3 bench/pre2019_cells.py --bin BIN DIR --detail      # every wrong row and cell, per file
    python3 bench/pre2019_cells.py --bin BIN DIR --json out.json

Runs `BIN extract -q -j1 --jsonl` over DIR's .txt/.html/.pdf files and compares each record's
`tables.statistics` with DIR/golden/<stem>.json; DIR/manifest.json (written by the generator)
names each file's features (fmt:…, order:…, values:…, header:…, code:…), each golden row's
kinds (num:①, of, note, unit-in-label, code:…) and each golden cell's kind (plain, blank,
dash, slash, thousands, fullwidth, decimal, pct, signed, plus).

A golden row is found when a record row has the same `label`: rows are paired in order
(longest common subsequence of the label lists, then any unpaired row with the same label).
Counted:
- cells right: golden cells whose row was found and whose value is the same number (or both null);
- rows found; keys, units, codes, serials (序号 cells), parents right (of all golden rows; a row
  not found is wrong);
- columns right: the record's `columns` equal the golden's (per file);
- extra rows: record rows no golden row was paired with;
- ok with wrong: records with status `ok` that have a wrong cell or a row not found;
- wrong cells by kind: no table (`statistics` null), label glued (the row is there but its
  label carries more: a code, the unit, 序号 or a neighbour's text), row lost (no record row
  holds the label), value wrong (row found, cell differs).
"""
from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

FIELDS = ["cells", "rows", "keys", "units", "codes", "serials", "parents"]


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return a == b


def pair(gold: list[dict], got: list[dict]) -> dict[int, int]:
    """golden row index -> record row index, by label, in order."""
    gl = [r["label"] for r in gold]
    rl = [r.get("label") for r in got]
    out: dict[int, int] = {}
    for a, b, n in difflib.SequenceMatcher(None, gl, rl, autojunk=False).get_matching_blocks():
        for k in range(n):
            out[a + k] = b + k
    used = set(out.values())
    for i, label in enumerate(gl):
        if i not in out:
            j = next((j for j, x in enumerate(rl) if x == label and j not in used), None)
            if j is not None:
                out[i] = j
                used.add(j)
    return out


class Tally:
    def __init__(self):
        self.kinds = defaultdict(int)  # kind of wrong cell -> count
        self.n = defaultdict(int)      # field -> right
        self.d = defaultdict(int)      # field -> total
        self.files = 0
        self.ok_wrong = 0
        self.columns_right = 0
        self.extra = 0

    def add(self, field: str, right: bool, count: int = 1):
        self.d[field] += count
        self.n[field] += count if right else 0

    def pct(self, field: str) -> str:
        d = self.d[field]
        return f"{self.n[field]}/{d} ({100 * self.n[field] / d:.1f}%)" if d else "-"


def compare(rec: dict | None, gold: dict, man: dict, tallies: dict[str, Tally], detail: list[str]) -> None:
    """Adds one file's comparison to the overall tally and to every feature/kind tally it has."""
    gs = gold["tables"]["statistics"]
    rs = ((rec or {}).get("tables") or {}).get("statistics") or {"columns": None, "rows": []}
    grows, rrows = gs["rows"], rs.get("rows") or []
    m = pair(grows, rrows)
    file_keys = ["ALL"] + man.get("features", [])
    wrong_any = False
    for i, g in enumerate(grows):
        r = rrows[m[i]] if i in m else None
        row_keys = file_keys + [f"row:{k}" for k in man.get("rows", {}).get(str(i), [])]
        checks = {"rows": r is not None,
                  "keys": r is not None and r.get("key") == g["key"],
                  "units": r is not None and r.get("unit") == g["unit"],
                  "parents": r is not None and r.get("parent") == g["parent"]}
        if "code" in g:
            checks["codes"] = r is not None and r.get("code") == g["code"]
        if "serial" in g:
            checks["serials"] = r is not None and r.get("serial") == g["serial"]
        for k in row_keys:
            for f, ok in checks.items():
                tallies[k].add(f, ok)
        bad = [f for f, ok in checks.items() if not ok]
        for c, v in enumerate(g["values"]):
            got = (r.get("values") or [])[c] if r is not None and c < len(r.get("values") or []) else "∅"
            ok = r is not None and got != "∅" and same(v, got)
            kind = man.get("cells", {}).get(f"rows[{i}].values[{c}]", "?")
            for k in row_keys + [f"cell:{kind}"]:
                tallies[k].add("cells", ok)
            if not ok:
                wrong_any = True
                bad.append(f"v{c}: {v!r}→{got!r}")
                if not rrows:
                    kind = "no table"
                elif r is None:
                    kind = "label glued" if any(g["label"] in (x.get("text") or "") for x in rrows) else "row lost"
                else:
                    kind = "value wrong"
                tallies["ALL"].kinds[kind] += 1
        if bad:
            wrong_any = wrong_any or r is None
            shown = r["text"] if r is not None else "NOT FOUND"
            detail.append(f"  {g['text']}  [{', '.join(bad)}]  got: {shown}"
                          + (f" key={r.get('key')} unit={r.get('unit')} code={r.get('code')}" if r is not None else ""))
    extra = [r for j, r in enumerate(rrows) if j not in set(m.values())]
    for r in extra:
        detail.append(f"  EXTRA {r.get('text')} values={r.get('values')} unit={r.get('unit')} code={r.get('code')}")
    status = (rec or {}).get("status", "missing")
    for k in file_keys:
        t = tallies[k]
        t.files += 1
        t.columns_right += rs.get("columns") == gs["columns"]
        t.extra += len(extra)
        t.ok_wrong += status == "ok" and wrong_any


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--bin", required=True, help="the govreport binary to measure")
    ap.add_argument("--detail", action="store_true", help="print every wrong row/cell per file")
    ap.add_argument("--json", type=Path, help="write the tallies here")
    ap.add_argument("--min-files", type=int, default=2, help="show features with at least this many files")
    args = ap.parse_args()
    tallies: dict[str, Tally] = defaultdict(Tally)
    statuses: dict[str, int] = defaultdict(int)
    for d in args.dirs:
        files = sorted(p for p in d.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
        manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "records.jsonl"
            subprocess.run(["nice", args.bin, "extract", "-q", "-j1", "--timeout", "120", "--jsonl", str(out),
                            *map(str, files)], check=False)
            records = {}
            for line in out.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                records[Path(r["source"]["path"]).stem] = r
        for f in files:
            gold = json.loads((d / "golden" / f"{f.stem}.json").read_text(encoding="utf-8"))
            rec = records.get(f.stem)
            detail: list[str] = []
            compare(rec, gold, manifest.get(f.stem, {}), tallies, detail)
            status = (rec or {}).get("status", "missing")
            statuses[status] += 1
            if args.detail:
                rs = ((rec or {}).get("tables") or {}).get("statistics") or {}
                print(f"{f.name}: {status}, columns {rs.get('columns')} (golden {gold['tables']['statistics']['columns']}),"
                      f" rows {len(rs.get('rows') or [])}/{len(gold['tables']['statistics']['rows'])}")
                print("\n".join(detail[:60]) + ("\n  …" if len(detail) > 60 else ""))
    overall = tallies["ALL"]
    print(f"files {overall.files}, statuses {dict(statuses)}")
    head = f"{'':34s} {'files':>5s} " + " ".join(f"{f:>20s}" for f in FIELDS) + f" {'columns':>8s} {'extra':>5s} {'ok+wrong':>8s}"
    print(head)

    def line(name: str, t: Tally) -> str:
        return (f"{name:34s} {t.files:5d} " + " ".join(f"{t.pct(f):>20s}" for f in FIELDS)
                + f" {t.columns_right:>8d} {t.extra:5d} {t.ok_wrong:8d}")

    print(line("ALL", overall))
    print("wrong cells by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(overall.kinds.items())))
    groups = sorted(k for k in tallies if k != "ALL")
    for prefix in ("single:", "fmt:", "order:", "values:", "ncols:", "header:", "label-header:", "unit-header:", "code-header:",
                   "seq-header:", "seq:", "code:", "heading-cells:", "note-column", "form:",
                   "place:", "text:", "pdf:", "row:", "cell:"):
        keys = [k for k in groups if k.startswith(prefix)]
        if not keys:
            continue
        print(f"-- {prefix}")
        for k in keys:
            t = tallies[k]
            if prefix in ("row:", "cell:") or t.files >= args.min_files:
                print(line(k, t) if prefix not in ("row:", "cell:") else
                      f"{k:34s} {'':5s} " + " ".join(f"{t.pct(f):>20s}" for f in FIELDS))
    if args.json:
        args.json.write_text(json.dumps({k: {"files": t.files, "right": dict(t.n), "total": dict(t.d),
                                             "columns_right": t.columns_right, "extra": t.extra, "ok_wrong": t.ok_wrong}
                                         for k, t in tallies.items()}, ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
