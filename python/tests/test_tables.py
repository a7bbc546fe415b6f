"""cells() is the tidy CSV as a DataFrame; compare() is ``compare --json``."""

from __future__ import annotations

import json
import sys

import pandas as pd
import pytest

import govreport
from conftest import run_cli

#: How the CSV file of the command line is read to match cells(): text stays text.
DTYPES = {column: str for column in govreport._native.TIDY_HEADER} | {"value": "float64", "year": "Int64"}


def read_cli_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=DTYPES, keep_default_na=False, na_values={"value": [""], "year": [""]})


def test_cells_equal_the_command_lines_csv(samples, cli_samples):
    _, csv = cli_samples
    got = govreport.cells(samples)
    assert len(got) > 10_000
    pd.testing.assert_frame_equal(got, read_cli_csv(csv))


def test_cells_columns_and_dtypes(samples):
    got = govreport.cells(samples)
    assert list(got.columns) == [
        "source_path", "agency", "region_code", "agency_level", "year", "template", "table",
        "row", "column", "value", "printed",
    ]
    assert got["value"].dtype == "float64"
    assert str(got["year"].dtype) == "Int64"
    assert got["value"].isna().any(), "null cells are NaN"
    blank = got[got["value"].isna()]
    assert (blank["printed"].str.len() >= 0).all()
    assert pd.api.types.is_string_dtype(got["agency"])
    assert pd.api.types.is_string_dtype(got["region_code"]), "codes keep their digits as text"
    assert (got["region_code"].str.fullmatch(r"|\d{6}")).all()


def test_cells_of_paths_are_the_cells_of_their_records(samples):
    files = ["samples/xinhe-2024-poor.txt", "samples/anping-2016-lo.pdf"]
    by_path = {r["source"]["path"]: r for r in samples}
    pd.testing.assert_frame_equal(govreport.cells(files), govreport.cells([by_path[f] for f in files]))


def test_a_pivot_of_the_requests_table(samples):
    cells = govreport.cells(samples)
    totals = cells[(cells["table"] == "applications") & (cells["column"] == "total")]
    pivot = totals.pivot_table(index="agency", columns="year", values="value", aggfunc="first")
    assert pivot.loc["新河市住房公积金管理中心", 2024] > 0


def test_no_records_give_an_empty_frame_with_the_columns():
    empty = govreport.cells([])
    assert len(empty) == 0 and list(empty.columns) == govreport._native.TIDY_HEADER
    assert str(empty["year"].dtype) == "Int64"


def test_cells_without_pandas_says_how_to_get_it(monkeypatch, samples):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        govreport.cells(samples[:1])


SHIWAN = [
    "samples/shiwan-2020-html.html",
    "samples/shiwan-2021-poor.txt",
    "samples/shiwan-2022-poor.txt",
    "samples/shiwan-2023-poor.txt",
    "samples/shiwan-edu-2022-poor.txt",
]


def cli_compare(*args: str) -> dict:
    return json.loads(run_cli("compare", "--json", "-q", *args).stdout)


def test_compare_of_records_is_the_command_lines_document():
    records = govreport.extract(SHIWAN)
    got = govreport.compare(records)
    assert got == cli_compare(*SHIWAN)
    assert got["panel"]["groups"], "the agencies are grouped"


def test_compare_reads_paths_and_record_files_as_the_command_line_does(tmp_path):
    jsonl = tmp_path / "two.jsonl"
    run_cli("extract", "-q", *SHIWAN[:2], "--jsonl", str(jsonl))
    got = govreport.compare([jsonl, *SHIWAN[2:]])
    assert got == cli_compare(str(jsonl), *SHIWAN[2:])


def test_two_records_are_compared_side_by_side(samples):
    pair = [r for r in samples if r["source"]["path"] in SHIWAN[1:3]]
    got = govreport.compare(pair)
    assert got["pair"] is not None
    assert got == cli_compare(*SHIWAN[1:3])


def test_a_record_that_is_no_record_is_unreadable_by_its_position():
    got = govreport.compare([{"schema": "govreport/1"}])
    (bad,) = got["unreadable"]
    assert bad["path"] == "records[0]"
    assert "not a govreport record" in bad["message"]
