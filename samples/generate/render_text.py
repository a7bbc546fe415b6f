"""Plain text laid out like a poor extraction (OCR / naive pdftotext): paragraphs one per
line, table cells separated by tabs or runs of spaces, labels broken over lines with the
numbers on a later line, the vertical label 三、本年度办理结果 scattered one piece per line,
and optionally one 表三 cell lost (the golden keeps the true value)."""
from __future__ import annotations

import random

from model import (G3, G4, G5, G6, ROW_CARRIED, ROW_FORWARD, ROW_NEW, ROW_TOTAL, T3_NOTE,
                   T4_GROUPS, T4_KEYS, Report)
from tables import caption, t3_outcome_rows

# labels broken over lines: label -> (pieces, index of the piece that carries the numbers)
BREAKS = {
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
        (["（二）部分公开（区分处理的，只计这一情", "形，不计其他情形）"], 1),
    "5.要求行政机关确认或重新出具已获取信息": (["5.要求行政机关确认或重新出", "具已获取信息"], 1),
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":
        (["1.申请人无正当理由逾期不补", "正、行政机关不再处理其政府信", "息公开申请"], 1),
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请":
        (["2.申请人逾期未按收费通知要求", "缴纳费用、行政机关不再处理其", "政府信息公开申请"], 2),
    "一、本年新收政府信息公开申请数量": (["一、本年新收政府信息公开申请", "数量"], 0),
}
GROUP_SPLIT = {G3: ["（三）不", "予公开"], G4: ["（四）无", "法提供"], G5: ["（五）不", "予处理"],
               G6: ["（六）其", "他处理"]}
VERTICAL = ["三、本", "年", "度", "办", "理", "结", "果"]


class Seps:
    def __init__(self, style: str, rng: random.Random):
        self.style, self.rng = style, rng

    def __call__(self) -> str:
        return "\t" if self.style == "tab" else " " * self.rng.randint(2, 6)

    def join(self, parts) -> str:
        out = ""
        for i, p in enumerate(parts):
            out += (self() if i else "") + p
        return out


def render(rep: Report, sep_style: str, lost: tuple[str, int] | None = None) -> str:
    rng = random.Random(rep.spec.seed * 7 + 1)
    S = Seps(sep_style, rng)
    out: list[str] = []

    def vals_t3(key):
        vs = [rep.cell_text("applications", f"rows.{key}[{i}]", rep.applications[key][i]) for i in range(7)]
        if lost and lost[0] == key:
            del vs[lost[1]]
        return vs

    def table2():
        a = rep.active
        sp = rep.spec.caption_space

        def cap(n):
            c = caption(n, sp).replace(" ", "")
            out.append(S() + S.join([c[:4], c[4:]]))

        def row(label, group, keys):
            vs = [rep.cell_text("active_disclosure", f"{group}.{k}", a[group][k]) for k in keys]
            out.append(S.join([label] + vs))

        if rep.spec.template == "2021":
            cap("一")
            out.append(S.join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]))
            row("规章", "regulations", ["issued", "repealed", "in_force"])
            row("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])
            cap("五")
            out.append(S.join(["信息内容", "本年处理决定数量"]))
            row("行政许可", "administrative_licensing", ["decisions"])
            cap("六")
            out.append(S.join(["信息内容", "本年处理决定数量"]))
            row("行政处罚", "administrative_penalty", ["decisions"])
            row("行政强制", "administrative_coercion", ["decisions"])
            cap("八")
            out.append(S.join(["信息内容", "本年收费金额（单位：万元）"]))
            row("行政事业性收费", "administrative_fees", ["amount"])
        else:
            three = ["previous_year_items", "change", "decisions"]
            cap("一")
            out.append(S.join(["信息内容", "本年新", "本年新", "对外公开"]))
            out.append(S.join(["", "制作数量", "公开数量", "总数量"]))
            row("规章", "regulations", ["new_made", "new_published", "total_published"])
            row("规范性文件", "normative_documents", ["new_made", "new_published", "total_published"])
            for n, rows in (("五", [("行政许可", "administrative_licensing"),
                                   ("其他对外管理服务事项", "other_external_services")]),
                            ("六", [("行政处罚", "administrative_penalty"),
                                   ("行政强制", "administrative_coercion")])):
                cap(n)
                out.append(S.join(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]))
                for label, g in rows:
                    row(label, g, three)
            cap("八")
            out.append(S.join(["信息内容", "上一年项目数量", "本年增/减"]))
            row("行政事业性收费", "administrative_fees", ["previous_year_items", "change"])
            cap("九")
            out.append(S.join(["信息内容", "采购项目数量", "采购总金额"]))
            row("政府集中采购", "centralized_procurement", ["projects", "amount"])

    def table3():
        out.append(S() + S() + "申请人情况")
        out.append(S() + S() + S() + "法人或其他组织")
        half = T3_NOTE.index("，") + 1
        out.append(S.join([T3_NOTE[:half], "自"]))
        out.append(S.join([T3_NOTE[half:], "然人", "商业企业", "科研机构", "社会公益组织",
                           "法律服务机构", "其他", "总计"]))
        for key, label in (ROW_NEW, ROW_CARRIED):
            emit_row("", label, vals_t3(key))
        outs = t3_outcome_rows(rep.spec.six_split)
        start = max(0, (len(outs) - len(VERTICAL)) // 2)
        seen: dict[str, int] = {}
        for i, (key, group, label) in enumerate(outs):
            pre = VERTICAL[i - start] if 0 <= i - start < len(VERTICAL) else ""
            if group:
                j = seen.get(group, 0)
                seen[group] = j + 1
                gp = GROUP_SPLIT[group]
                pre = S.join([p for p in (pre, gp[j] if j < len(gp) else "") if p])
            emit_row(pre, label, vals_t3(key))
        emit_row("", ROW_TOTAL[1], vals_t3(ROW_TOTAL[0]))
        emit_row("", ROW_FORWARD[1], vals_t3(ROW_FORWARD[0]))

    def emit_row(pre, label, vs):
        pieces, at = BREAKS.get(label, ([label], 0))
        for k, piece in enumerate(pieces):
            first = S.join([p for p in (pre if k == 0 else "", piece) if p])
            if k == at:
                out.append(S.join([first] + vs))
            else:
                out.append(first)

    def table4():
        out.append(S.join(["行政复议", "行政诉讼"]))
        out.append(S() * 5 + S.join(["未经复议直接起诉", "复议后起诉"]))
        out.append(S.join(["结果", "结果", "其他", "尚未", "总计"] + ["结果", "结果", "其他", "尚未", "总"] * 2))
        out.append(S.join(["维持", "纠正", "结果", "审结", ""] + ["维持", "纠正", "结果", "审结", "计"] * 2))
        vals = [rep.cell_text("review_litigation", f"{g}.{k}", rep.review[g][k]) for g in T4_GROUPS for k in T4_KEYS]
        out.append(S.join(vals))

    for b in rep.blocks:
        if b.kind == "title":
            out.extend(b.text)
            out.append("")
        elif b.kind in ("para", "heading", "sub"):
            out.append(b.text)
            if b.kind != "sub":
                out.append("")
        elif b.kind == "table":
            {"t2": table2, "t3": table3, "t4": table4}[b.text]()
            out.append("")
        elif b.kind == "sign":
            out.extend(b.text)
    return "\n".join(out) + "\n"
