#!/usr/bin/env python3
"""Scans fed in sideways or upside down: each page of some scan-matrix files turned (90°,
180° and 270°), as a page laid sideways or upside down on the glass comes out, and read by
govreport.

    python3 bench/scan_turned.py [DIR] [--bin BIN] [--split dev3] [--style photo] [--files N]
                                 [--angles 90 180 270]

Writes the turned PDFs to a temporary folder (pages rendered at 200 dpi, grey, JPEG q80 in
the PDF) and prints each file's cells right against the unturned file's golden, its status
and the wrong cells no failing check names (bench/scan_matrix.py's scoring). Never run on
the HELD-OUT split (it is measured in aggregate only, by bench/scan_matrix.py).
Needs pdftoppm and Pillow.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.dont_write_bytecode = True
from scan_matrix import score  # noqa: E402


def turned(pdf: Path, out: Path, work: Path, angles=(90, 270)) -> list[Path]:
    """The file's pages turned by each of `angles` (counter-clockwise): a PDF each in `out`."""
    for p in work.glob("p-*"):
        p.unlink()
    subprocess.run(["pdftoppm", "-r", "200", "-gray", str(pdf), str(work / "p")], check=True)
    pages = [Image.open(p) for p in sorted(work.glob("p-*.pgm"))]
    made = []
    for angle in angles:
        images = [p.rotate(angle, expand=True).convert("L") for p in pages]
        path = out / f"{pdf.stem}-turn{angle}.pdf"
        images[0].save(path, save_all=True, append_images=images[1:], resolution=200, quality=80)
        made.append(path)
    return made


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default="/tmp/scan-matrix")
    ap.add_argument("--bin", default=str(ROOT / "target/release/govreport"))
    ap.add_argument("--split", default="dev3", choices=["tuned", "dev", "dev2", "dev3"])
    ap.add_argument("--style", default="photo")
    ap.add_argument("--files", type=int, default=3, help="how many files of that style")
    ap.add_argument("--angles", type=int, nargs="+", default=[90, 180, 270],
                    help="degrees each page is turned (counter-clockwise)")
    args = ap.parse_args()
    d = Path(args.dir)
    manifest = json.loads((d / "manifest.json").read_text())["files"]
    chosen = [m for m in manifest if m["split"] == args.split and m["style"] == args.style][: args.files]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        (tmp / "out").mkdir()
        (tmp / "work").mkdir()
        golden = {}
        for m in chosen:
            for path in turned(d / m["pdf"], tmp / "in", tmp / "work", args.angles):
                golden[path.stem] = d / m["golden"]
        subprocess.run([args.bin, "extract", "-q", "--timeout", "900", "-o", str(tmp / "out"),
                        *sorted(str(p) for p in (tmp / "in").glob("*.pdf"))], check=False)
        right = cells = 0
        for stem, gold in sorted(golden.items()):
            rec_path = tmp / "out" / f"{stem}.json"
            rec = json.loads(rec_path.read_text()) if rec_path.exists() else {"status": "missing"}
            s = score(rec, json.loads(gold.read_text()))
            right += s["right"]
            cells += s["cells"]
            print(f"{stem}: {s['status']}, cells {s['right']}/{s['cells']}, not named {len(s['unnamed'])}")
        print(f"all: {right}/{cells} cells ({100 * right / max(cells, 1):.2f} %)")


if __name__ == "__main__":
    main()
