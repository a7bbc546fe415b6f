"""Abstract grids of the three statistical tables (templates.md §3–§5).

A grid is a list of cells with row/column spans; every renderer (docx, HTML, reportlab,
poor text) lays out the same grid, so the printed labels are identical everywhere.
Values come from model.Report through Report.cell_text (blank, "/" and "—" overrides).
"""
from __future__ import annotations

from dataclasses import dataclass

from model import (COLS, G3, G4, G5, G6, OUTCOME_HEAD, OUTCOME_SIX_ONE, OUTCOME_SIX_SPLIT,
                   ROW_CARRIED, ROW_FORWARD, ROW_NEW, ROW_TOTAL, T3_GROUP_LABEL, T3_NOTE,
                   T4_GROUPS, T4_KEYS, T4_LABELS, Report)


@dataclass
class Cell:
    r: int
    c: int
    rs: int
    cs: int
    text: str
    kind: str = "value"   # caption | header | label | group | vlabel | note | value
    row_key: str | None = None   # for 表三 data rows


@dataclass
class Grid:
    name: str
    ncols: int
    nrows: int
    cells: list[Cell]
    widths: list[float]          # relative column widths
    header_rows: int = 0

    def at(self, r: int) -> list[Cell]:
        return sorted([c for c in self.cells if c.r == r], key=lambda c: c.c)


def caption(n: str, spaced: bool) -> str:
    return f"第二十条 第（{n}）项" if spaced else f"第二十条第（{n}）项"


def grid_t2(rep: Report) -> Grid:
    a = rep.active
    sp = rep.spec.caption_space
    cells: list[Cell] = []
    r = 0

    def cap(n):
        nonlocal r
        cells.append(Cell(r, 0, 1, 4, caption(n, sp), "caption"))
        r += 1

    def hdr(*hs):
        nonlocal r
        if len(hs) == 4:
            for i, h in enumerate(hs):
                cells.append(Cell(r, i, 1, 1, h, "header"))
        elif len(hs) == 3:
            cells.extend([Cell(r, 0, 1, 1, hs[0], "header"), Cell(r, 1, 1, 1, hs[1], "header"),
                          Cell(r, 2, 1, 2, hs[2], "header")])
        else:
            cells.extend([Cell(r, 0, 1, 1, hs[0], "header"), Cell(r, 1, 1, 3, hs[1], "header")])
        r += 1

    def row(label, group, keys):
        nonlocal r
        cells.append(Cell(r, 0, 1, 1, label, "label"))
        vals = [(k, rep.cell_text("active_disclosure", f"{group}.{k}", a[group][k])) for k in keys]
        if len(vals) == 3:
            for i, (k, t) in enumerate(vals):
                cells.append(Cell(r, 1 + i, 1, 1, t))
        elif len(vals) == 2:
            cells.extend([Cell(r, 1, 1, 1, vals[0][1]), Cell(r, 2, 1, 2, vals[1][1])])
        else:
            cells.append(Cell(r, 1, 1, 3, vals[0][1]))
        r += 1

    if rep.spec.template == "2021":
        cap("一")
        hdr("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
        row("规章", "regulations", ["issued", "repealed", "in_force"])
        row("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])
        cap("五")
        hdr("信息内容", "本年处理决定数量")
        row("行政许可", "administrative_licensing", ["decisions"])
        cap("六")
        hdr("信息内容", "本年处理决定数量")
        row("行政处罚", "administrative_penalty", ["decisions"])
        row("行政强制", "administrative_coercion", ["decisions"])
        cap("八")
        hdr("信息内容", "本年收费金额（单位：万元）")
        row("行政事业性收费", "administrative_fees", ["amount"])
    else:
        three = ["previous_year_items", "change", "decisions"]
        cap("一")
        hdr("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")
        row("规章", "regulations", ["new_made", "new_published", "total_published"])
        row("规范性文件", "normative_documents", ["new_made", "new_published", "total_published"])
        cap("五")
        hdr("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")
        row("行政许可", "administrative_licensing", three)
        row("其他对外管理服务事项", "other_external_services", three)
        cap("六")
        hdr("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")
        row("行政处罚", "administrative_penalty", three)
        row("行政强制", "administrative_coercion", three)
        cap("八")
        hdr("信息内容", "上一年项目数量", "本年增/减")
        row("行政事业性收费", "administrative_fees", ["previous_year_items", "change"])
        cap("九")
        hdr("信息内容", "采购项目数量", "采购总金额")
        row("政府集中采购", "centralized_procurement", ["projects", "amount"])
    return Grid("t2", 4, r, cells, [3.2, 2.2, 2.2, 2.2])


def t3_outcome_rows(six_split: bool):
    return OUTCOME_HEAD + (OUTCOME_SIX_SPLIT if six_split else OUTCOME_SIX_ONE)


def grid_t3(rep: Report) -> Grid:
    rows = rep.applications
    cells: list[Cell] = [
        Cell(0, 0, 3, 3, T3_NOTE, "note"),
        Cell(0, 3, 1, 7, "申请人情况", "header"),
        Cell(1, 3, 2, 1, "自然人", "header"),
        Cell(1, 4, 1, 5, "法人或其他组织", "header"),
        Cell(1, 9, 2, 1, "总计", "header"),
    ]
    for i, h in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        cells.append(Cell(2, 4 + i, 1, 1, h, "header"))

    def values(r, key):
        for i in range(7):
            cells.append(Cell(r, 3 + i, 1, 1,
                              rep.cell_text("applications", f"rows.{key}[{i}]", rows[key][i]),
                              "value", key))

    r = 3
    for key, label in (ROW_NEW, ROW_CARRIED):
        cells.append(Cell(r, 0, 1, 3, label, "label", key))
        values(r, key)
        r += 1
    outs = t3_outcome_rows(rep.spec.six_split)
    n_out = len(outs) + 1
    cells.append(Cell(r, 0, n_out, 1, T3_GROUP_LABEL, "vlabel"))
    group_start: dict[str, int] = {}
    group_len: dict[str, int] = {}
    for key, group, label in outs:
        if group is None:
            cells.append(Cell(r, 1, 1, 2, label, "label", key))
        else:
            if group not in group_start:
                group_start[group] = r
            group_len[group] = group_len.get(group, 0) + 1
            cells.append(Cell(r, 2, 1, 1, label, "label", key))
        values(r, key)
        r += 1
    for g, start in group_start.items():
        cells.append(Cell(start, 1, group_len[g], 1, g, "group"))
    cells.append(Cell(r, 1, 1, 2, ROW_TOTAL[1], "label", ROW_TOTAL[0]))
    values(r, ROW_TOTAL[0])
    r += 1
    cells.append(Cell(r, 0, 1, 3, ROW_FORWARD[1], "label", ROW_FORWARD[0]))
    values(r, ROW_FORWARD[0])
    r += 1
    return Grid("t3", 10, r, cells, [0.75, 1.35, 4.6] + [1.0] * 7, header_rows=3)


def grid_t4(rep: Report) -> Grid:
    cells = [Cell(0, 0, 1, 5, "行政复议", "header"), Cell(0, 5, 1, 10, "行政诉讼", "header")]
    for i, h in enumerate(T4_LABELS):
        cells.append(Cell(1, i, 2, 1, h, "header"))
    cells.extend([Cell(1, 5, 1, 5, "未经复议直接起诉", "header"), Cell(1, 10, 1, 5, "复议后起诉", "header")])
    for j in range(2):
        for i, h in enumerate(T4_LABELS):
            cells.append(Cell(2, 5 + 5 * j + i, 1, 1, h, "header"))
    c = 0
    for g in T4_GROUPS:
        for k in T4_KEYS:
            cells.append(Cell(3, c, 1, 1, rep.cell_text("review_litigation", f"{g}.{k}", rep.review[g][k])))
            c += 1
    return Grid("t4", 15, 4, cells, [1.0] * 15, header_rows=3)


def grids(rep: Report) -> dict[str, Grid]:
    return {"t2": grid_t2(rep), "t3": grid_t3(rep), "t4": grid_t4(rep)}
