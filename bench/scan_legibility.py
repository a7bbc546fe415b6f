#!/usr/bin/env python3
"""How much of its source's ink each scan of the scan matrix kept: a measure of legibility
that does not depend on any OCR engine (issue 30).

    python3 bench/scan_legibility.py /tmp/scan-matrix [--split dev] [--style bilevel]

For every page, the source PDF (born-digital, before scanning) and the scan are rendered at
the scan's resolution; the source's ink (darker than 128) is carried onto the scan by the
page's affine map from the manifest, and a source ink pixel counts as kept where the scan
is dark within one pixel of it. A file's legibility is the lowest share over its pages.

Why: a bilevel scan at a high threshold with thinned strokes can erase the small type of
its tables while the headings survive (seen on the DEV split: 9–29 % of the ink kept on
the table pages, the tables blank to the eye too). Such a file is ILLEGIBLE (below
``LEGIBLE``, half its ink lost on some page; on DEV the two such files kept 10 and 12 %,
every other file 83 % or more, the lowest being low-contrast photos whose faint strokes
sit near the 70 % cut): no reader can give its cells, and
bench/scan_matrix.py reports it apart, besides counting it in every total. Its record must
still never be `ok` with a wrong cell. Results are cached in DIR/legibility.json.
"""
import argparse
import io
import json
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

LEGIBLE = 0.5


def render(pdf: str, page: int, dpi: int) -> np.ndarray:
    out = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", pdf],
                         capture_output=True, check=True).stdout
    return np.array(Image.open(io.BytesIO(out)))


def dark(img: np.ndarray) -> np.ndarray:
    """Ink on a scan whatever its paper: darker than 70 % of the local paper shade (the
    brightest value around, over 1/8 of the image's width), so low contrast and light
    falling off across a photographed page do not count as lost ink."""
    im = Image.fromarray(img)
    small = im.resize((max(im.width // 8, 1), max(im.height // 8, 1)), Image.BILINEAR)
    paper = small.filter(ImageFilter.MaxFilter(9)).resize(im.size, Image.BILINEAR)
    return img < 0.7 * np.maximum(np.array(paper).astype(float), 1)


def kept(src_pdf: str, scan_pdf: str, page: int, dpi: int, m: list) -> float:
    """Share of the source page's ink the scan keeps (within one pixel)."""
    src = render(src_pdf, page, dpi) < 128
    scan = dark(render(scan_pdf, page, dpi))
    a, b, c, d, e, g = m
    ys, xs = np.nonzero(src)
    x = np.round(a * xs + b * ys + c).astype(int)
    y = np.round(d * xs + e * ys + g).astype(int)
    inside = (x >= 1) & (y >= 1) & (x < scan.shape[1] - 1) & (y < scan.shape[0] - 1)
    x, y = x[inside], y[inside]
    if len(x) == 0:
        return 1.0
    hit = np.zeros(len(x), bool)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            hit |= scan[y + dy, x + dx]
    return float(hit.mean())


def legibility(d: Path, m: dict, cache: dict) -> float:
    """The file's legibility (lowest share of ink kept over its pages), cached by name."""
    if m["name"] not in cache:
        dpi = m["params"].get("dpi", 300)
        cache[m["name"]] = min(kept(m["source"]["path"], str(d / m["pdf"]), p, dpi, mp)
                               for p, mp in enumerate(m["maps"], 1))
    return cache[m["name"]]


def load_cache(d: Path) -> dict:
    p = d / "legibility.json"
    return json.loads(p.read_text()) if p.exists() else {}


def save_cache(d: Path, cache: dict) -> None:
    (d / "legibility.json").write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default="/tmp/scan-matrix")
    ap.add_argument("--split", default="dev", help="tuned, dev, dev2 or dev3 (held-out files are counted, not listed)")
    ap.add_argument("--style", nargs="*")
    args = ap.parse_args()
    d = Path(args.dir)
    cache = load_cache(d)
    files = [m for m in json.loads((d / "manifest.json").read_text())["files"]
             if m["split"] == args.split and (not args.style or m["style"] in args.style)]
    illegible = 0
    for m in files:
        v = legibility(d, m, cache)
        illegible += v < LEGIBLE
        if args.split != "heldout":
            print(f"{m['name']}: {v:.2f}{'  ILLEGIBLE' if v < LEGIBLE else ''}", flush=True)
    save_cache(d, cache)
    print(f"{args.split}: {illegible} of {len(files)} files illegible (ink kept < {LEGIBLE})")


if __name__ == "__main__":
    main()
