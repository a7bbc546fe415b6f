"""The samples' expected `report.region`, `agency_level` and `agency_kind` (issue 33), decided by hand.

Most sample bodies are invented (石湾区, 青岚区, 东浦区 …) and must stay unplaced: `region` null,
also where a real division's name is near (新河市 beside 新河县, 平川县 beside 平川区, 江川市 beside
江川区, 西山市 beside 西山区, 清河市 beside 清河县 and 清河区). A few sample names are real divisions'
names; each code below was looked up by hand in GB/T 2260 (crates/region/data/divisions.tsv holds the
same list), never taken from govreport's output. `python3 samples/generate/regions.py` checks the table
against that file.
"""

from pathlib import Path

DIVISIONS = Path(__file__).resolve().parent.parent.parent / "crates/region/data/divisions.tsv"


def division(code, name, level, province, city, county):
    """A `report.region` object."""
    return {"code": code, "name": name, "level": level, "province": province, "city": city,
            "county": county}


# The place name a sample body starts with -> its division. A municipality (天津市) is also the
# city of its districts; a province-administered county (白沙, 海南) has no city.
REAL = {
    "安平县": division("131125", "安平县", "county", "河北省", "衡水市", "安平县"),
    "白沙县": division("469025", "白沙黎族自治县", "county", "海南省", None, "白沙黎族自治县"),
    "城北区": division("630105", "城北区", "county", "青海省", "西宁市", "城北区"),
    "河西区": division("120103", "河西区", "county", "天津市", "天津市", "河西区"),
    "南湖区": division("330402", "南湖区", "county", "浙江省", "嘉兴市", "南湖区"),
    # 承德's; 重庆's 双桥区 was merged into 大足区 in 2011, long before the sample's 2025.
    "双桥区": division("130802", "双桥区", "county", "河北省", "承德市", "双桥区"),
    "松溪县": division("350724", "松溪县", "county", "福建省", "南平市", "松溪县"),
    "桃源县": division("430725", "桃源县", "county", "湖南省", "常德市", "桃源县"),
    "沿河县": division("520627", "沿河土家族自治县", "county", "贵州省", "铜仁市", "沿河土家族自治县"),
}

# Place names that fit several divisions the sample's text does not tell apart: the codes and the
# `region_ambiguous` warning's message (the candidates in code order, named province down).
AMBIGUOUS = {
    "南山区": ("county", "fits 2 divisions: 230404 黑龙江省鹤岗市南山区, 440305 广东省深圳市南山区"),
}


def kind(agency: str) -> str:
    """record.md's `agency_kind` of a sample body, from the end of its name."""
    if agency.endswith(("街道办事处", "镇人民政府", "乡人民政府")):
        return "township"
    if agency.endswith(("人民政府办公室", "人民政府办公厅")):
        return "office"
    if agency.endswith("人民政府") or agency.endswith(("区", "县", "市")):
        return "government"   # a bare place name (`2023年石湾区政府信息公开…`) is its 人民政府
    return "department"


def placement(agency: str) -> dict:
    """The `report` fields `region`, `agency_level` and `agency_kind` of a sample body."""
    place = next((p for p in [*REAL, *AMBIGUOUS] if agency.startswith(p)), None)
    region = REAL.get(place)
    level = region["level"] if region else AMBIGUOUS[place][0] if place in AMBIGUOUS else None
    if kind(agency) == "township":
        level = "township"
    return {"region": region, "agency_level": level, "agency_kind": kind(agency)}


def warnings(agency: str) -> list:
    """The `region_ambiguous` warning a sample body's record carries, if any."""
    return [{"code": "region_ambiguous", "message": message}
            for place, (_, message) in AMBIGUOUS.items() if agency.startswith(place)]


def with_placement(report: dict, agency: str) -> dict:
    """A golden's `report` with the placement fields after `agency`."""
    out = {}
    for key, value in report.items():
        out[key] = value
        if key == "agency":
            out.update(placement(agency))
    return out


def check() -> None:
    """Each hand-written division against the division list: code, name, level and the names above."""
    lines = DIVISIONS.read_text(encoding="utf-8").splitlines()
    rows = {r[0]: r for r in (line.split("\t") for line in lines if line and not line.startswith("#"))}
    for place, d in REAL.items():
        _, name, level, parent = rows[d["code"]][:4]
        assert (name, level) == (d["name"], d["level"]), place
        above = [rows[parent][1]] + ([rows[rows[parent][3]][1]] if rows[parent][3] else [])
        assert set(above) == {n for n in (d["city"], d["province"]) if n}, (place, above)
    print(f"{len(REAL)} divisions match {DIVISIONS.name}")


if __name__ == "__main__":
    check()
