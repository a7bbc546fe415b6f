"""Consecutive years of invented agencies, for `govreport compare` (samples/shiwan-*).

One district government (石湾区人民政府) reports for 2020–2023 and 2025 (2024 is missing:
a gap), 2022 both as text and as a saved web page (a duplicate), and its 2023 report is
titled `2023年石湾区政府信息公开工作年度报告` (agency `石湾区`, the same body).  Its
education bureau reports for 2022 and 2023, its 办公室 (a different body) for 2023.

Each year's 表三 二、上年结转 is the previous year's 四、结转下年度, column by column
(`cross_year.carry_over` holds), except 2023 of the government, whose 自然人 carried-over
count is 3 more than 2022 carried forward (so that column and 总计 fail the rule, while
every rule inside the 2023 report still holds).  The goldens come from these data, like
every other sample's; `python3 samples/generate/years.py` writes the rule's expected
results to golden/cross-year/shiwan.json (generate.py writes the samples and goldens).
"""
from __future__ import annotations

import contextlib

import model
from model import Spec

model.PROVINCES.setdefault("石湾", "湾东")

PLACE = "石湾区"
GOV = "石湾区人民政府"
EDU = "石湾区教育局"
OFFICE = "石湾区人民政府办公室"
DISAGREE = ("shiwan-2023", 0, 3)   # report key, 表三 column, carried over minus last year's forward


def _html(layout: str) -> dict:
    return {"html": {"site": "石湾区人民政府网", "layout": layout, "title_tag": "h1",
                     "heading": "strong", "icp": "湾", "domain": "www.shiwan.gov.cn"}}


# (report key, spec, chained to) — built in this order
CHAIN = [
    ("shiwan-2020", Spec("shiwan-2020", GOV, 2020, "2019", False, "medium", "我区", f"{GOV}办公室", 201,
                         extra=_html("plain")), None),
    ("shiwan-2021", Spec("shiwan-2021", GOV, 2021, "2021", True, "medium", "我区", f"{GOV}办公室", 202,
                         extra={"sep": "tab"}), "shiwan-2020"),
    ("shiwan-2022", Spec("shiwan-2022", GOV, 2022, "2021", True, "medium", "我区", f"{GOV}办公室", 203,
                         period_form="short", extra={"sep": "space", **_html("cms")}), "shiwan-2021"),
    ("shiwan-2023", Spec("shiwan-2023", PLACE, 2023, "2021", False, "medium", "我区", f"{GOV}办公室", 204,
                         title_form="year_first", extra={"sep": "tab"}), "shiwan-2022"),
    ("shiwan-2025", Spec("shiwan-2025", GOV, 2025, "2021", True, "medium", "我区", f"{GOV}办公室", 205,
                         extra={"sep": "tab"}), None),
    ("shiwan-edu-2022", Spec("shiwan-edu-2022", EDU, 2022, "2021", True, "medium", "本局", f"{EDU}办公室",
                             206, extra={"sep": "space"}), None),
    ("shiwan-edu-2023", Spec("shiwan-edu-2023", EDU, 2023, "2021", True, "medium", "本局", f"{EDU}办公室",
                             207, title_form="two_lines", extra=_html("plain")), "shiwan-edu-2022"),
    ("shiwan-office-2023", Spec("shiwan-office-2023", OFFICE, 2023, "2021", False, "small", "本办",
                                f"{OFFICE}秘书科", 208, extra={"sep": "tab"}), None),
]

# stem, report key, producer, post-processing (as generate.PLAN)
PLAN = [
    ("shiwan-2020-html", "shiwan-2020", "html-utf8", None),
    ("shiwan-2021-poor", "shiwan-2021", "text-utf8", None),
    ("shiwan-2022-poor", "shiwan-2022", "text-utf8", None),
    ("shiwan-2022-html", "shiwan-2022", "html-utf8", None),
    ("shiwan-2023-poor", "shiwan-2023", "text-utf8", None),
    ("shiwan-2025-poor", "shiwan-2025", "text-utf8", None),
    ("shiwan-edu-2022-poor", "shiwan-edu-2022", "text-utf8", None),
    ("shiwan-edu-2023-html", "shiwan-edu-2023", "html-utf8", None),
    ("shiwan-office-2023-poor", "shiwan-office-2023", "text-utf8", None),
]


def _chained(carried_over: list[int], base):
    """A make_applications whose 二、上年结转 row is given; the rest drawn by `base` (model's),
    then new requests computed so that R1–R3 hold."""
    def make(rng, scale, six_split):
        rows = base(rng, scale, six_split)
        okeys = model.outcome_keys(six_split)
        for c in range(6):
            over, forward = carried_over[c], rows["carried_forward"][c]
            if rows["total_processed"][c] + forward < over:   # new requests may not be negative
                rows["not_processed_repeated"][c] += over - rows["total_processed"][c] - forward
                rows["total_processed"][c] = sum(rows[k][c] for k in okeys)
            rows["carried_over"][c] = over
            rows["new_requests"][c] = rows["total_processed"][c] + forward - over
        for r in rows.values():
            r[6] = sum(r[:6])
        model.check_applications(rows, six_split)
        return rows
    return make


@contextlib.contextmanager
def _patched(make):
    """model.build_report draws 表三 through model.make_applications: swap it for a while."""
    original = model.make_applications
    model.make_applications = make
    try:
        yield
    finally:
        model.make_applications = original


def reports() -> dict[str, model.Report]:
    """Every report of the chain, each carrying over the year before (but DISAGREE)."""
    out: dict[str, model.Report] = {}
    for key, spec, prev in CHAIN:
        model.SPEC_BY_KEY[key] = spec
        if prev is None:
            out[key] = model.build_report(spec)
            continue
        over = list(out[prev].applications["carried_forward"][:6])
        if key == DISAGREE[0]:
            over[DISAGREE[1]] += DISAGREE[2]
        with _patched(_chained(over, model.make_applications)):
            out[key] = model.build_report(spec)
    return out


def expected_carry_over() -> list[dict]:
    """The rule's expected results for each chained pair and column (for the tests)."""
    reps = reports()
    out = []
    for key, spec, prev in CHAIN:
        if prev is None:
            continue
        for c, column in enumerate(model.COLS):
            before = reps[prev].applications["carried_forward"][c]
            now = reps[key].applications["carried_over"][c]
            out.append({"previous": files(prev), "current": files(key), "column": column,
                        "values": [before, now], "status": "pass" if before == now else "fail"})
    return out


def files(key: str) -> list[str]:
    """The sample files of one report."""
    ext = {"text": "txt", "html": "html"}
    return [f"samples/{stem}.{ext[producer.split('-')[0]]}" for stem, k, producer, _ in PLAN if k == key]


def write_expected(path) -> None:
    """golden/cross-year/shiwan.json: the rule's expected results, from these data."""
    import json
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"rule": "cross_year.carry_over", "checks": expected_carry_over()}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from pathlib import Path
    write_expected(Path(__file__).resolve().parent.parent.parent / "golden/cross-year/shiwan.json")
