"""Bad arguments raise ValueError or TypeError, with the command line's message where it
has one."""

from __future__ import annotations

import pytest

import govreport
from conftest import run_cli


def test_a_missing_input_is_a_value_error_with_the_command_lines_message():
    with pytest.raises(ValueError) as raised:
        govreport.extract(["samples/xinhe-2024-poor.txt", "no/such.pdf"])
    assert str(raised.value) == "no/such.pdf: no such file or folder"
    cli = run_cli("extract", "no/such.pdf")
    assert cli.returncode == 1
    assert cli.stderr.strip() == f"govreport: {raised.value}"


def test_an_unknown_ocr_mode_is_a_value_error():
    with pytest.raises(ValueError, match=r"invalid OCR mode 'sometimes' \(expected auto, always or never\)"):
        govreport.extract("samples/xinhe-2024-poor.txt", ocr="sometimes")


@pytest.mark.parametrize(
    "options",
    [{"ocr": 1}, {"jobs": "2"}, {"jobs": 1.5}, {"jobs": True}, {"timeout": None}, {"max_memory_mb": "1G"}],
)
def test_options_of_the_wrong_type_are_type_errors(options):
    with pytest.raises(TypeError):
        govreport.extract("samples/xinhe-2024-poor.txt", **options)


@pytest.mark.parametrize("options", [{"jobs": -1}, {"timeout": -5}, {"max_memory_mb": -1}])
def test_negative_counts_are_value_errors(options):
    with pytest.raises(ValueError, match="must be 0 or more"):
        govreport.extract("samples/xinhe-2024-poor.txt", **options)


@pytest.mark.parametrize("paths", [42, [42], [{"schema": "govreport/1"}], None])
def test_paths_that_are_not_paths_are_type_errors(paths):
    with pytest.raises(TypeError):
        govreport.extract(paths)


def test_errors_are_raised_when_iter_extract_is_called_not_when_it_is_read():
    with pytest.raises(ValueError):
        govreport.iter_extract("no/such.pdf")


def test_no_paths_give_no_records():
    assert govreport.extract([]) == []


def test_cells_takes_records_or_paths_not_both(samples):
    with pytest.raises(TypeError, match="not a mix"):
        govreport.cells([samples[0], "samples/xinhe-2024-poor.txt"])


def test_compare_takes_records_and_paths_only():
    with pytest.raises(TypeError, match="not int"):
        govreport.compare([1])
