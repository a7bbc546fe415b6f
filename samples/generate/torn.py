#!/usr/bin/env python3
"""Torn converter-style text of 2019+ reports (the national-table damage sweep of issue #31).

    python3 samples/generate/torn.py tuned                # → /tmp/torn/tuned/
    python3 samples/generate/torn.py heldout [--out DIR] [--only 3 7]
    python3 samples/generate/torn.py samples              # the committed ones → samples/, golden/

SPLITS (fixed before anything was measured; never move a seed between them):

    tuned    seeds 1–30       look at these, tune the reader on them
    heldout  seeds 1001–1040  measure only

Each seed takes one report of model.py (a copy of one of its SPECS with a new seed, so its
figures are new; `printed` overrides and page furniture dropped) and writes it as the text a
PDF-to-Markdown converter makes of a 2019/2021 report: paragraphs one per line, and the three
tables damaged in the ways such converters damage them:

- 表二: the blocks 第二十条第（五）项 / （六） / （八） (and （九）) printed BEFORE the
  第二十条第（一）项 block that holds 规章 and 规范性文件 (the converter emitted the small
  tables first); their rows torn, `行政许可` on one line and `97` on the next;
- 表三: header words one per line; rows torn (label on one line, its seven values on the next),
  or a run of rows dumped column-wise (all labels, then all value lines); group labels
  （三）不予公开 … on their own lines; two rows trading places, each keeping its label
  (`2.其他法律行政法规禁止公开` printed before `1.属于国家秘密`);
- 表四: header words one per line, the 15 values on one line or three lines of five;
- intact rows as Markdown pipe rows (`| 规章 | 0 | 0 | 0 |`) or runs of spaces; headings
  optionally as `## 二、主动公开政府信息情况`.

Goldens are the report's own golden (`Report.golden("text", None)`): the tables are the
generator's truth whatever the damage. DIR/manifest.json lists each file's damage features
(read by bench/table_cells.py).

`samples` writes three tuned seeds (COMMITTED) into the regression corpus: samples/<stem>.txt,
golden/<stem>.json (the same truth goldens) and their entries in samples/generate/manifest.json;
tests/ok_means_complete.rs damages them further. generate.py runs it on a full run.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import model  # noqa: E402
from model import (G3, G4, G5, G6, ROW_CARRIED, ROW_FORWARD, ROW_NEW, ROW_TOTAL, T3_GROUP_LABEL,  # noqa: E402
                   T3_NOTE, T4_GROUPS, T4_KEYS, T4_LABELS)
from tables import caption, t3_outcome_rows  # noqa: E402

SPLITS = {"tuned": range(1, 31), "heldout": range(1001, 1041)}
# Tuned seeds committed as samples, chosen for their damage: both templates, pipes and spaces,
# Markdown headings, 表三 rows dumped column-wise, 表四 values on three lines, rows swapped.
COMMITTED = [5, 16, 18]
ROOT = HERE.parent.parent
GROUPS = {G3, G4, G5, G6}


def report_for(seed: int) -> model.Report:
    """A model report with new figures: one of SPECS under a new seed."""
    rng = random.Random(seed)
    base = rng.choice([s for s in model.SPECS])
    spec = dataclasses.replace(base, key=f"{base.key}-t{seed}", seed=100000 + seed, printed={},
                               extra={k: v for k, v in base.extra.items() if k in ("long", "docno")})
    return model.build_report(spec)


class Out:
    """Lines of converter text with the separators of one style."""

    def __init__(self, rng: random.Random, pipes: bool):
        self.lines: list[str] = []
        self.rng, self.pipes = rng, pipes

    def row(self, cells: list[str]) -> None:
        if self.pipes:
            self.lines.append("| " + " | ".join(cells) + " |")
        else:
            self.lines.append((" " * self.rng.randint(2, 4)).join(cells))

    def line(self, text: str) -> None:
        self.lines.append(text)

    def blank(self) -> None:
        self.lines.append("")


def table2(rep: model.Report, o: Out, f: dict, feats: list[str]) -> None:
    a = rep.active
    sp = rep.spec.caption_space

    def val(group, k):
        return rep.cell_text("active_disclosure", f"{group}.{k}", a[group][k])

    def block(n, header, rows, torn):
        o.line(caption(n, sp))
        if torn:
            for h in header:
                o.line(h)
        else:
            o.row(header)
            if o.pipes:
                o.row(["---"] * len(header))
        for label, group, keys in rows:
            if torn:
                o.line(label)
                o.line(" ".join(val(group, k) for k in keys))
            else:
                o.row([label] + [val(group, k) for k in keys])

    if rep.spec.template == "2021":
        first = ("一", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                 [("规章", "regulations", ["issued", "repealed", "in_force"]),
                  ("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])])
        small = [("五", ["信息内容", "本年处理决定数量"], [("行政许可", "administrative_licensing", ["decisions"])]),
                 ("六", ["信息内容", "本年处理决定数量"], [("行政处罚", "administrative_penalty", ["decisions"]),
                                                        ("行政强制", "administrative_coercion", ["decisions"])]),
                 ("八", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", "administrative_fees", ["amount"])])]
    else:
        three = ["previous_year_items", "change", "decisions"]
        first = ("一", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
                 [("规章", "regulations", ["new_made", "new_published", "total_published"]),
                  ("规范性文件", "normative_documents", ["new_made", "new_published", "total_published"])])
        small = [("五", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                  [("行政许可", "administrative_licensing", three),
                   ("其他对外管理服务事项", "other_external_services", three)]),
                 ("六", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                  [("行政处罚", "administrative_penalty", three), ("行政强制", "administrative_coercion", three)]),
                 ("八", ["信息内容", "上一年项目数量", "本年增/减"],
                  [("行政事业性收费", "administrative_fees", ["previous_year_items", "change"])]),
                 ("九", ["信息内容", "采购项目数量", "采购总金额"],
                  [("政府集中采购", "centralized_procurement", ["projects", "amount"])])]
    if f["t2_moved"]:
        feats.append("t2:small-blocks-first")
        for n, h, rows in small:
            block(n, h, rows, f["t2_torn"])
        block(*first, torn=False)
    else:
        block(*first, torn=False)
        for n, h, rows in small:
            block(n, h, rows, f["t2_torn"])
    if f["t2_torn"]:
        feats.append("t2:torn")


def table3(rep: model.Report, o: Out, f: dict, rng: random.Random, feats: list[str]) -> None:
    apps = rep.applications

    def vals(key):
        return [rep.cell_text("applications", f"rows.{key}[{i}]", apps[key][i]) for i in range(7)]

    # header: one word per line (torn), or two rows of cells
    if f["t3_header_torn"]:
        feats.append("t3:header-torn")
        for w in [T3_NOTE, "申请人情况", "自然人", "法人或其他组织", "总计",
                  "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]:
            o.line(w)
    else:
        o.row([T3_NOTE, "申请人情况"])
        o.row(["自然人", "法人或其他组织", "总计"])
        o.row(["", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    # the printed rows: (label line before it or None, label, key)
    printed: list[tuple[str | None, str, str]] = [(None, ROW_NEW[1], ROW_NEW[0]), (None, ROW_CARRIED[1], ROW_CARRIED[0])]
    seen = set()
    for n, (key, group, label) in enumerate(t3_outcome_rows(rep.spec.six_split)):
        pre = T3_GROUP_LABEL if n == 0 else None
        if group and group not in seen:
            seen.add(group)
            pre = (pre + "\n" if pre else "") + group
        printed.append((pre, label, key))
    printed += [(None, ROW_TOTAL[1], ROW_TOTAL[0]), (None, ROW_FORWARD[1], ROW_FORWARD[0])]
    # two rows trade places, each keeping its label (a swap inside one group, or of neighbours)
    # (neighbours with no group line between them, so each stays in its group; distinct pairs)
    pairs = [i for i in range(2, len(printed) - 3) if printed[i + 1][0] is None]
    rng.shuffle(pairs)
    chosen: list[int] = []
    for i in pairs:
        if len(chosen) < f["t3_swaps"] and all(abs(i - c) > 1 for c in chosen):
            chosen.append(i)
    for i in chosen:
        (pi, li, ki), (pj, lj, kj) = printed[i], printed[i + 1]
        printed[i], printed[i + 1] = (pi, lj, kj), (pj, li, ki)   # the group line stays where it was
    if chosen:
        feats.append("t3:rows-swapped")
    # torn rows and column-wise runs
    dump = None
    if f["t3_dump"]:
        start = rng.randrange(2, len(printed) - 6)
        dump = range(start, start + rng.randint(3, 6))
        feats.append("t3:column-dump")
    k = 0
    while k < len(printed):
        if dump and k == dump.start:
            for pre, label, _ in printed[dump.start:dump.stop]:
                if pre:
                    o.line(pre)
                o.line(label)
            for _, _, key in printed[dump.start:dump.stop]:
                o.line(" ".join(vals(key)))
            k = dump.stop
            continue
        pre, label, key = printed[k]
        if pre:
            for p in pre.split("\n"):
                o.line(p)
        if rng.random() < f["t3_torn"]:
            o.line(label)
            o.line(" ".join(vals(key)))
        else:
            o.row([label] + vals(key))
        k += 1
    if f["t3_torn"]:
        feats.append("t3:torn-rows")


def table4(rep: model.Report, o: Out, f: dict, feats: list[str]) -> None:
    vals = [rep.cell_text("review_litigation", f"{g}.{k}", rep.review[g][k]) for g in T4_GROUPS for k in T4_KEYS]
    if f["t4_torn"]:
        feats.append("t4:header-torn")
        for w in ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + T4_LABELS * 3:
            o.line(w)
    else:
        o.row(["行政复议", "行政诉讼"])
        o.row(["", "未经复议直接起诉", "复议后起诉"])
        o.row(T4_LABELS * 3)
    if f["t4_lines"] == 3:
        feats.append("t4:values-three-lines")
        for g in range(3):
            o.line(" ".join(vals[5 * g:5 * g + 5]))
    else:
        o.row(vals)


def render(rep: model.Report, seed: int) -> tuple[str, list[str]]:
    rng = random.Random(seed * 13 + 5)
    f = {"pipes": rng.random() < 0.5, "md_headings": rng.random() < 0.3,
         "t2_moved": rng.random() < 0.75, "t2_torn": rng.random() < 0.6,
         "t3_header_torn": rng.random() < 0.6, "t3_swaps": rng.choice([0, 1, 1, 2]),
         "t3_torn": rng.choice([0, 0.3, 0.7, 1.0]), "t3_dump": rng.random() < 0.35,
         "t4_torn": rng.random() < 0.6, "t4_lines": rng.choice([1, 3])}
    feats = [f"template:{rep.spec.template}", "md:pipes" if f["pipes"] else "md:spaces"]
    if f["md_headings"]:
        feats.append("md:headings")
    o = Out(rng, f["pipes"])
    for b in rep.blocks:
        if b.kind == "title":
            o.line(("# " if f["md_headings"] else "") + "".join(b.text))
            o.blank()
        elif b.kind == "heading":
            o.line(("## " if f["md_headings"] else "") + b.text)
            o.blank()
        elif b.kind == "sub":
            o.line(b.text)
        elif b.kind == "para":
            o.line(b.text)
            o.blank()
        elif b.kind == "table":
            if b.text == "t2":
                table2(rep, o, f, feats)
            elif b.text == "t3":
                table3(rep, o, f, rng, feats)
            else:
                table4(rep, o, f, feats)
            o.blank()
        elif b.kind == "sign":
            for t in b.text:
                o.line(t)
    return "\n".join(o.lines) + "\n", feats


def made(seed: int) -> tuple[str, str, dict, list[str], model.Report]:
    """One seed's stem (agency and year, `-torn`), text, golden, features and report."""
    rep = report_for(seed)
    text, feats = render(rep, seed)
    return f"{rep.spec.key.rsplit('-t', 1)[0]}-torn", text, rep.golden("text", None), feats, rep


def write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_samples() -> None:
    """The COMMITTED seeds as samples/<stem>.txt with golden/<stem>.json and manifest entries."""
    man_path = HERE / "manifest.json"
    manifest = json.loads(man_path.read_text(encoding="utf-8"))
    entries = []
    for seed in COMMITTED:
        stem, text, gold, feats, rep = made(seed)
        (ROOT / "samples" / f"{stem}.txt").write_text(text, encoding="utf-8")
        write_json(ROOT / "golden" / f"{stem}.json", gold)
        entries.append({"file": f"samples/{stem}.txt", "golden": f"golden/{stem}.json",
                        "report": rep.spec.key, "agency": rep.spec.agency, "year": rep.spec.year,
                        "producer": f"torn.py seed {seed}", "features": ["torn-converter-text"] + feats})
        print(f"samples/{stem}.txt {' '.join(feats)}")
    ours = {e["file"] for e in entries}
    manifest["samples"] = [m for m in manifest["samples"] if m["file"] not in ours] + entries
    write_json(man_path, manifest)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=list(SPLITS) + ["samples"])
    ap.add_argument("--out", type=Path, help="output folder (default /tmp/torn/<split>)")
    ap.add_argument("--only", nargs="*", type=int, help="seeds of the split to (re)make")
    args = ap.parse_args(argv)
    if args.split == "samples":
        write_samples()
        return
    out = args.out or Path("/tmp/torn") / args.split
    (out / "golden").mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    for seed in SPLITS[args.split]:
        if args.only and seed not in args.only:
            continue
        name, text, gold, feats, _ = made(seed)
        stem = f"t{seed:04d}-{name}"
        (out / f"{stem}.txt").write_text(text, encoding="utf-8")
        write_json(out / "golden" / f"{stem}.json", gold)
        manifest[stem] = {"features": feats}
        print(f"{stem:34s} {' '.join(feats)}")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
