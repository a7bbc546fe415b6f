#!/usr/bin/env python3
"""Rebuild divisions.tsv and nations.txt from the cpca wheel on PyPI.

Usage: python3 build.py [path/to/cpca-0.5.5-py3-none-any.whl]

Without an argument it runs `pip download cpca==0.5.5 --no-deps` into a
temporary folder. It reads cpca/resources/adcodes.csv (12-digit codes, names,
longitude, latitude) and 56_nations.csv from the wheel, drops the list's
grouping rows (市辖区, 县, 省直辖县级行政区划), applies changes.tsv,
additions.tsv and coordinates.tsv (curated by hand, beside this script), checks the result and
writes divisions.tsv and nations.txt beside this script.
"""

import csv
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERSION = "0.5.5"
GROUPINGS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def wheel_path():
    """The wheel given on the command line, or one pip downloads."""
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"cpca=={VERSION}",
         "--no-deps", "-d", str(tmp)],
        check=True,
    )
    return next(tmp.glob("cpca-*.whl"))


def read_wheel(path):
    """The adcodes rows and the nation names in the wheel, and the csv's sha256."""
    with zipfile.ZipFile(path) as z:
        raw = z.read("cpca/resources/adcodes.csv")
        nations = z.read("cpca/resources/56_nations.csv").decode("utf-8").split()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    return rows, nations, hashlib.sha256(raw).hexdigest()


def curated(name):
    """The data rows of a curated tsv beside this script (comments and header skipped)."""
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    return rows[1:]


def base(rows):
    """code -> [name, lat, lon] from the cpca rows, groupings dropped."""
    out = {}
    for r in rows:
        assert r["adcode"].endswith("000000"), r
        if r["name"] not in GROUPINGS:
            out[r["adcode"][:6]] = [r["name"], r["latitude"], r["longitude"]]
    return out


def apply_changes(divs):
    """Drop each changed division's old code; add a new code with the old coordinates."""
    for old_code, old_name, new_code, new_name, _year, _note in curated("changes.tsv"):
        old = divs.pop(old_code, None) if old_code != "-" else None
        if old_code != "-":
            assert old and old[0] == old_name, (old_code, old_name, old)
        if new_code in divs:
            divs[new_code][0] = new_name
        else:
            assert old, (old_code, new_code)
            divs[new_code] = [new_name, old[1], old[2]]


def apply_additions(divs):
    """Add the divisions with no predecessor; '-' coordinates come from the parent."""
    for code, name, _year, lat, lon, _note in curated("additions.tsv"):
        assert code not in divs, code
        if lat == "-":
            lat, lon = divs[parent(code, divs)][1:]
        divs[code] = [name, lat, lon]


def fill_coordinates(divs):
    """Coordinates for the rows the cpca list leaves blank."""
    for code, name, lat, lon in curated("coordinates.tsv"):
        assert divs[code] == [name, "", ""], (code, divs[code])
        divs[code][1:] = [lat, lon]


def level(code):
    """province, city or county, read from the code."""
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


def parent(code, divs):
    """The code of the division above: the city if listed, else the province."""
    if level(code) == "county" and code[:4] + "00" in divs:
        return code[:4] + "00"
    return "" if level(code) == "province" else code[:2] + "0000"


def check(divs):
    """Every parent exists, coordinates are numbers, no name twice under a parent."""
    seen = Counter()
    for code, (name, lat, lon) in divs.items():
        up = parent(code, divs)
        assert up == "" or up in divs, (code, name)
        assert 3 <= float(lat) <= 54 and 73 <= float(lon) <= 136, (code, lat, lon)
        seen[(up, name)] += 1
    twice = [k for k, n in seen.items() if n > 1]
    assert not twice, twice


def write(divs, nations, digest):
    """divisions.tsv (sorted by code) and nations.txt."""
    counts = Counter(level(c) for c in divs)
    head = [
        f"# China's divisions at county level and above, from the cpca {VERSION} wheel on PyPI",
        f"# (cpca/resources/adcodes.csv, sha256 {digest}; MIT licence, (c) 2018 QinYuan Du),",
        "# grouping rows dropped, changes.tsv, additions.tsv and coordinates.tsv applied. Rebuilt by build.py.",
        f"# {counts['province']} provinces, {counts['city']} cities, {counts['county']} counties.",
        "code\tname\tlevel\tparent\tlat\tlon",
    ]
    body = [
        f"{c}\t{n}\t{level(c)}\t{parent(c, divs)}\t{lat}\t{lon}"
        for c, (n, lat, lon) in sorted(divs.items())
    ]
    (HERE / "divisions.tsv").write_text("\n".join(head + body) + "\n", encoding="utf-8")
    (HERE / "nations.txt").write_text("\n".join(nations) + "\n", encoding="utf-8")
    print(f"{len(divs)} divisions: {dict(counts)}; {len(nations)} nations")


def main():
    rows, nations, digest = read_wheel(wheel_path())
    divs = base(rows)
    apply_changes(divs)
    apply_additions(divs)
    fill_coordinates(divs)
    check(divs)
    write(divs, nations, digest)


if __name__ == "__main__":
    main()
