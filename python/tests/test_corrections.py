"""``corrections=``: the rows of ``extract --corrections``, from a file, mappings or a
DataFrame, give the command line's corrected records; malformed rows raise ValueError
naming the line before any work; rows matching no input are counted in a warning."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import pytest

import govreport
from conftest import run_cli

#: 表四's first 尚未审结 (行政复议 总计 row) as printed in the sample, and misread.
PRINTED, MISREAD = "74\t21\t45\t11\t151", "74\t21\t45\t17\t151"


def line(record: dict) -> str:
    """A record as ``extract --jsonl`` writes it."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@pytest.fixture()
def damaged(tmp_path: Path) -> Path:
    """``samples/xinhe-2024-poor.txt`` with one cell of 表四 misread (11 → 17)."""
    text = Path("samples/xinhe-2024-poor.txt").read_text(encoding="utf-8")
    assert PRINTED in text
    path = tmp_path / "xinhe-damaged.txt"
    path.write_text(text.replace(PRINTED, MISREAD), encoding="utf-8")
    return path


def leaves(value, at: str):
    """Every table cell under ``value`` as ``(path, value)``, paths as in checks."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key != "printed":
                yield from leaves(inner, f"{at}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from leaves(inner, f"{at}[{i}]")
    else:
        yield at, value


def truth(record: dict) -> list[dict]:
    """Corrections from the ground truth: each cell where ``record`` differs from the
    sample's golden, set to the golden's value."""
    golden = json.loads(Path("golden/xinhe-2024-poor.json").read_text(encoding="utf-8"))
    right = dict(leaves(golden["tables"], "tables"))
    sha = record["source"]["sha256"]
    return [
        {"sha256": sha, "path": path, "value": right[path], "note": "read again"}
        for path, value in leaves(record["tables"], "tables")
        if value != right.get(path, value)
    ]


def test_rows_from_the_truth_make_the_record_ok_and_equal_the_command_lines(damaged, tmp_path):
    before = govreport.extract(damaged)[0]
    assert before["status"] == "partial"
    rows = truth(before)
    assert [r["value"] for r in rows] == [11]
    fixes = tmp_path / "fixes.csv"
    with open(fixes, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["sha256", "path", "value", "note"])
        writer.writeheader()
        writer.writerows(rows)
    cli = run_cli("extract", "-q", str(damaged), "--jsonl", "-", "--corrections", str(fixes), check=True)
    from_file = govreport.extract(damaged, corrections=fixes)[0]
    from_rows = govreport.extract(damaged, corrections=rows)[0]
    assert from_file["status"] == "ok", from_file["checks"]
    assert line(from_file) == cli.stdout.strip()
    assert line(from_rows) == line(from_file)
    assert from_file["tables"]["review_litigation"] == json.loads(
        Path("golden/xinhe-2024-poor.json").read_text(encoding="utf-8")
    )["tables"]["review_litigation"]
    corrected = [c for c in from_file["checks"] if c["status"] == "corrected"]
    assert [c["path"] for c in corrected] == [r["path"] for r in rows]


def test_a_dataframe_of_rows_and_cells_with_corrections(damaged):
    pandas = pytest.importorskip("pandas")
    rows = truth(govreport.extract(damaged)[0])
    frame = pandas.DataFrame(rows)
    frame["value"] = frame["value"].astype("float64")
    record = govreport.extract(damaged, corrections=frame)[0]
    assert record["status"] == "ok"
    table = govreport.cells(damaged, corrections=rows)
    wanted = govreport.cells(govreport.extract(damaged, corrections=rows))
    pandas.testing.assert_frame_equal(table, wanted)
    plain = govreport.cells(damaged)
    changed = table["value"].fillna(-1) != plain["value"].fillna(-1)
    assert list(plain[changed]["value"]) == [17.0]
    assert list(table[changed]["value"]) == [11.0]


def test_a_malformed_row_is_a_value_error_naming_its_line_as_the_command_lines_is(damaged, tmp_path):
    sha = "0" * 64
    bad = [
        {"sha256": sha, "path": "tables.applications.rows.granted[0]", "value": 1},
        {"sha256": sha, "path": "tables.applications.rows.granted[1]", "value": "twelve"},
    ]
    with pytest.raises(ValueError, match=r"^corrections: line 3: the value \"twelve\" is not a number"):
        govreport.extract(damaged, corrections=bad)
    fixes = tmp_path / "bad.csv"
    fixes.write_text(
        f"sha256,path,value\n{sha},tables.applications.rows.granted[0],1\n{sha},tables.nowhere,1\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError) as raised:
        govreport.iter_extract(damaged, corrections=fixes)
    cli = run_cli("extract", "-q", str(damaged), "--jsonl", "-", "--corrections", str(fixes))
    assert cli.returncode == 1 and cli.stdout == ""
    assert cli.stderr.strip() == f"govreport: {raised.value}"
    assert "line 3" in str(raised.value)


@pytest.mark.parametrize("given", [42, {"sha256": "0" * 64}, [("a", "b")]])
def test_corrections_of_the_wrong_type_are_type_errors(given):
    with pytest.raises(TypeError):
        govreport.extract("samples/xinhe-2024-poor.txt", corrections=given)


def test_rows_matching_no_input_are_counted_in_a_warning():
    rows = [{"sha256": "f" * 64, "path": "tables.applications.rows.granted[0]", "value": 1}]
    with pytest.warns(UserWarning, match="^1 corrections matched no input$"):
        records = govreport.extract("samples/xinhe-2024-poor.txt", corrections=rows)
    assert records[0]["status"] == "ok"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        govreport.extract("samples/xinhe-2024-poor.txt")
