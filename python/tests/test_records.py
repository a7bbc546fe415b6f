"""Records from Python are the command line's, byte for byte as JSON; hostile files give
failed records; iter_extract streams; the GIL is free while the work runs."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import govreport
from conftest import ROOT, run_cli


def line(record: dict) -> str:
    """A record as ``extract --jsonl`` writes it (records carry no timings to leave out)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def test_the_samples_give_the_command_lines_records_in_its_order(samples, cli_samples):
    lines, _ = cli_samples
    assert len(samples) == len(lines) > 60
    for record, expected in zip(samples, lines):
        assert line(record) == expected, record["source"]["path"]


def test_folders_are_walked_and_files_kept_in_argument_order():
    files = ["samples/xinhe-2024-poor.txt", "samples/generate", "samples/bishui-2023-html.html"]
    got = [r["source"]["path"] for r in govreport.extract(files)]
    expected = [json.loads(l)["source"]["path"] for l in run_cli("extract", "-q", *files).stdout.splitlines()]
    assert got == expected
    assert got[0] == files[0] and got[-1] == files[-1]


def build_hostile(folder: Path) -> None:
    """Files no report reader should trust: empty, not a PDF, torn, too deep, too big."""
    sample = (ROOT / "samples/qinglan-2023-lo.pdf").read_bytes()
    (folder / "a-empty.pdf").write_bytes(b"")
    (folder / "b-photo.pdf").write_bytes(bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + b"JFIF")
    (folder / "c-torn.pdf").write_bytes(sample[: len(sample) // 2])
    (folder / "d-deep.html").write_text("<div>" * 100_000)
    (folder / "e-big.txt").write_text("一、总体情况\n" * 1_500_000, encoding="utf-8")
    (folder / "f-good.txt").write_bytes((ROOT / "samples/chengbei-2023-poor.txt").read_bytes())


def test_hostile_files_give_failed_records_like_the_command_lines(tmp_path):
    build_hostile(tmp_path)
    got = govreport.extract(tmp_path, jobs=2, max_memory_mb=48)
    cli = run_cli("extract", "-q", "-j2", "--max-memory-mb", "48", str(tmp_path), "--jsonl", "-")
    assert cli.returncode == 2
    assert [line(r) for r in got] == cli.stdout.splitlines()
    codes = [r["errors"][0]["code"] if r["errors"] else None for r in got]
    assert codes[:2] == ["not_pdf", "not_pdf"]
    assert codes[3:5] == ["too_large", "too_large"], "d-deep by its limit, e-big by its worker's memory"
    assert "48 MiB" in got[4]["errors"][0]["message"]
    assert got[5]["status"] == "ok", "the worker that died was replaced"


def test_a_file_past_its_time_is_stopped_with_timeout():
    (record,) = govreport.extract("samples/qinglan-2023-lo.pdf", timeout=0)
    assert record["status"] == "failed"
    assert record["errors"][0]["code"] == "timeout"
    assert record["source"]["sha256"], "the failed record has the file's hash"


def test_iter_extract_yields_the_same_records_one_by_one(samples):
    files = ["samples/xinhe-2024-poor.txt", "samples/jiangchuan-2024-lo.pdf"]
    stream = govreport.iter_extract(files, jobs=1)
    assert not isinstance(stream, list)
    first = next(stream)
    assert first["source"]["path"] == files[0]
    rest = list(stream)
    by_path = {r["source"]["path"]: r for r in samples}
    assert [first, *rest] == [by_path[f] for f in files]


def test_an_iterator_dropped_early_stops_without_waiting_for_the_rest():
    started = time.monotonic()
    stream = govreport.iter_extract("samples", jobs=1)
    next(stream)
    del stream
    assert time.monotonic() - started < 30


def test_the_gil_is_released_while_files_are_read():
    done = threading.Event()
    records = []

    def work():
        records.extend(govreport.extract(["samples/jiangchuan-2024-lo.pdf"] * 4, jobs=1))
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert len(records) == 4
    assert ticks > 20, "this thread ran while the files were read"


def test_the_version_is_the_extractors():
    (record,) = govreport.extract("samples/xinhe-2024-poor.txt")
    assert govreport.__version__ == record["extractor"]["version"]
    assert run_cli("--version").stdout.split() == ["govreport", govreport.__version__]


def test_ctrl_c_interrupts_a_running_extract_at_once():
    call = "import govreport; govreport.extract('samples', jobs=1)"
    running = subprocess.Popen([sys.executable, "-c", call], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    running.send_signal(signal.SIGINT)
    _, stderr = running.communicate(timeout=10)
    assert running.returncode != 0
    assert "KeyboardInterrupt" in stderr
