"""Shared fixtures: the repository, the govreport binary, and the samples extracted once by
the command line and once by the module (the comparisons read both)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

import govreport

ROOT = Path(__file__).resolve().parents[2]


def binary() -> Path:
    """The command line to compare with: ``$GOVREPORT_BIN``, else the release build in
    ``$CARGO_TARGET_DIR`` or ``target/``, built when absent."""
    if "GOVREPORT_BIN" in os.environ:
        return Path(os.environ["GOVREPORT_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    program = target / "release" / "govreport"
    if not program.exists():
        subprocess.run(["cargo", "build", "--release", "--bin", "govreport"], cwd=ROOT, check=True)
    return program


def run_cli(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """``govreport ARGS`` in the repository root, its output as text."""
    done = subprocess.run(
        [str(binary()), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if check and done.returncode not in (0, 2):
        raise AssertionError(f"govreport {' '.join(args)}: {done.returncode}\n{done.stderr}")
    return done


@pytest.fixture(scope="session", autouse=True)
def in_root() -> Iterator[None]:
    """Every test runs in the repository root, as the command line's runs do (records keep
    the paths as given: ``samples/…``)."""
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


@pytest.fixture(scope="session")
def cli_samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """``govreport extract samples --jsonl --csv``: the JSON lines and the CSV file."""
    out = tmp_path_factory.mktemp("cli")
    run_cli("extract", "-q", "samples", "--jsonl", str(out / "r.jsonl"), "--csv", str(out / "c.csv"), check=True)
    return (out / "r.jsonl").read_text(encoding="utf-8").splitlines(), out / "c.csv"


@pytest.fixture(scope="session")
def samples() -> list[dict]:
    """``govreport.extract("samples")``."""
    return govreport.extract("samples")
