#!/usr/bin/env python3
"""The Python module against the command line on the same inputs: wall and CPU time.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install ./python
    cargo build --release
    /tmp/v/bin/python bench/python_speed.py [--runs 3] [--jobs N] [INPUT ...]

Alternates `govreport extract -q INPUT… --jsonl /dev/null` (the binary: --bin, else
$GOVREPORT_BIN, else target/release/govreport) with a fresh `python -c` that imports
govreport and calls `govreport.extract(INPUT…)` (records as dicts; the interpreter's start
and import counted), RUNS times each (default inputs: samples/). CPU is user + system of
the run and every process it waited for (the worker processes included). Prints each run
and the median of each side.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and its waited-for children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=["samples"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, help="-j / jobs= (default: every core)")
    default_bin = os.environ.get("GOVREPORT_BIN", str(ROOT / "target/release/govreport"))
    parser.add_argument("--bin", default=default_bin)
    args = parser.parse_args()
    jobs = [] if args.jobs is None else ["-j", str(args.jobs)]
    cli = [args.bin, "extract", "-q", *jobs, *args.inputs, "--jsonl", "/dev/null"]
    call = f"import govreport; govreport.extract({args.inputs!r}, jobs={args.jobs!r})"
    sides = {"command line": cli, "python": [sys.executable, "-c", call]}
    times: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
    for run in range(args.runs):
        for side, command in sides.items():
            wall, cpu = measure(command)
            times[side].append((wall, cpu))
            print(f"run {run + 1} {side:<12} {wall:7.2f} s wall {cpu:7.2f} s cpu", flush=True)
    for side, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"median {side:<12} {wall:7.2f} s wall {cpu:7.2f} s cpu")


if __name__ == "__main__":
    main()
