#!/usr/bin/env python3
"""Samples of reports OCR'd before publication: a page image with an invisible text layer.

    python3 samples/generate/ocr_layer.py        # the samples below, their goldens, manifest-ocr-layer.json
    python3 samples/generate/ocr_layer.py --only yunshan-2019-ocrmypdf   # some of them

Each sample is a committed born-digital sample (its golden, written by generate.py from
model.py's data, is the ground truth) turned into a scan with an OCR layer:

- `<source>-ocrmypdf`: pages rasterized by pdftoppm (gray), thresholded to one bit with a
  little speckle noise (fixed seed), wrapped as an image-only PDF by Pillow, then
  `ocrmypdf -l chi_sim --output-type pdf` adds Tesseract's invisible layer (render mode 3,
  glyphless font, one word box per CJK character, inside a form XObject).
- `<source>-ocrmypdf-hocr`: the same with `--pdf-renderer hocr`, ocrmypdf's own renderer,
  which (ocrmypdf 14 on Debian 12) writes the layer's CJK words with a font the file does
  not define: a layer that carries no usable text, as broken layers in the wild do.
- `<source>-layer-handmade`: reportlab draws each page image (gray, two levels) and, over it, an invisible
  (render mode 3) layer written from the source PDF's own words (`pdftotext -bbox`) with the
  faults OCR layers have, put in on purpose: every CJK character of a table label its own
  word box with a space after it (`本 年 制 发 件数`), label misreads (`子以公开`, `茜止`), and
  one number of 表三 dropped (one the consistency rules determine).

The golden is the source's golden (same tables, report, sections, facts) with `source.ocr`
naming the layer's pages and the checks the faults must produce. Tesseract's own misreads in
the ocrmypdf samples are not chosen by this script: the goldens still expect the true values.
"""
from __future__ import annotations

import copy
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLES, GOLDEN = ROOT / "samples", ROOT / "golden"
sys.dont_write_bytecode = True

# stem, source sample, how (ocrmypdf with its PDF renderer, or handmade), dpi
PLAN = [
    ("nanhu-2023-ocrmypdf", "nanhu-2023-stsong", "ocrmypdf", 200),
    ("baisha-2020-ocrmypdf", "baisha-2020-lo", "ocrmypdf", 250),
    ("yunshan-2019-ocrmypdf", "yunshan-2019-chromium", "ocrmypdf", 300),
    ("tongshan-2022-ocrmypdf-hocr", "tongshan-2022-chromium", "ocrmypdf-hocr", 300),
    ("qingyuan-2024-layer-handmade", "qingyuan-2024-stsong", "handmade", 150),
]

# OCR misreads put into the hand-made layer's table labels (true text → as misread)
MISREADS = {"予以公开": "子以公开", "禁止": "茜止", "不予": "不子", "商业企": "商业仓"}
# the 表三 row whose 自然人 number the hand-made layer drops, and the golden's path for it
DROPPED_ROW, DROPPED_PATH = "予以公开", "tables.applications.rows.granted[0]"
# ocrmypdf layers whose tables Tesseract misread beyond what the rules can mend (checked by
# reading the layer, `govreport text`): without OCR of the page image the record must be
# `partial`, every wrong cell named by a failing check (tests/ocr_layer.rs checks this
# against the source's golden); with govreport's own OCR the tables are re-read.
# ocrmypdf layers whose cells all come out right but whose record is still `partial`
# without OCR, and why (the tables are compared all the same)
PARTIAL_WITHOUT_OCR = {
    "baisha-2020-ocrmypdf": "Tesseract ran 表三's （二）部分公开 and （七）总计 rows into their "
                            "neighbours; the rules rebuild both, but cannot tell which rows are "
                            "missing (ok means complete), so the record is partial",
}
LAYER_UNREADABLE = {"nanhu-2023-ocrmypdf", "yunshan-2019-ocrmypdf", "tongshan-2022-ocrmypdf-hocr"}
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def run(cmd: list[str]) -> bytes:
    return subprocess.run(cmd, check=True, capture_output=True).stdout


def rasterize(src: Path, dpi: int, work: Path) -> list[Image.Image]:
    run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), str(work / "page")])
    return [Image.open(p).convert("L") for p in sorted(work.glob("page-*.png"))]


def scan_look(page: Image.Image, rng: random.Random) -> Image.Image:
    """One bit per pixel, with a sprinkle of isolated dark specks like a flatbed scan."""
    bw = page.point(lambda v: 255 if v > 150 else 0)
    px = bw.load()
    w, h = bw.size
    for _ in range(w * h // 4000):
        px[rng.randrange(w), rng.randrange(h)] = 0
    return bw.convert("1")


def ocrmypdf(src: Path, dst: Path, dpi: int, work: Path, renderer: str = "sandwich") -> None:
    rng = random.Random(src.stem)
    pages = [scan_look(p, rng) for p in rasterize(src, dpi, work)]
    image_pdf = work / "scan.pdf"
    pages[0].save(image_pdf, save_all=True, append_images=pages[1:], resolution=dpi)
    run(["ocrmypdf", "-q", "-l", "chi_sim", "--pdf-renderer", renderer, "--output-type", "pdf",
         str(image_pdf), str(dst)])


def words(src: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (x0, y0, x1, y1 from the top), from poppler."""
    xml = run(["pdftotext", "-bbox", str(src), "-"]).decode("utf-8")
    pages = []
    for page in xml.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def dropped_word(page_words) -> tuple[float, float, float, float, str] | None:
    """The first number right of the 表三 row label DROPPED_ROW (its 自然人 cell)."""
    for x0, y0, x1, y1, t in page_words:
        if t.endswith(DROPPED_ROW) and t.startswith("（"):
            same_line = [w for w in page_words if abs(w[1] - y0) < 3 and w[0] > x1 and w[4].isdigit()]
            return min(same_line, default=None)
    return None


def handmade(src: Path, dst: Path, dpi: int, work: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    images = rasterize(src, dpi, work)
    c = canvas.Canvas(str(dst), invariant=1)
    c.setCreator("govreport sample generator (hand-made OCR layer)")
    c.setProducer("ScanSoft OCR layer imitation")
    dropped = False
    for image, page_words in zip(images, words(src)):
        wpt, hpt = image.size[0] * 72 / dpi, image.size[1] * 72 / dpi
        c.setPageSize((wpt, hpt))
        c.drawImage(ImageReader(image.point(lambda v: 255 if v > 150 else 0)), 0, 0, wpt, hpt)
        drop = None if dropped else dropped_word(page_words)
        dropped = dropped or drop is not None
        for word in page_words:
            if word != drop:
                invisible_word(c, word, hpt)
        c.showPage()
    c.save()
    assert dropped, "the hand-made layer must drop one number"


def invisible_word(c, word, page_height: float) -> None:
    """Draws one word in render mode 3; a table label's CJK characters one box each."""
    x0, y0, x1, y1, text = word
    label = text.startswith("（") or re.match(r"^\d\.", text) is not None
    if label:
        for true, misread in MISREADS.items():
            text = text.replace(true, misread)
    size = (y1 - y0) * 0.98
    boxes = list(text) if label and CJK.search(text) else [text]
    step = (x1 - x0) / len(boxes)
    for i, box in enumerate(boxes):
        t = c.beginText()
        t.setTextRenderMode(3)
        t.setFont("STSong-Light", size)
        shown = box + " " if len(boxes) > 1 else box
        natural = c.stringWidth(shown, "STSong-Light", size) or 1.0
        t.setHorizScale(100.0 * step * (1.3 if len(boxes) > 1 else 1.0) / natural)
        t.setTextOrigin(x0 + i * step, page_height - y1 + size * 0.12)
        t.textOut(shown)
        c.drawText(t)


def golden(stem: str, source: str, how: str, pages: int) -> dict:
    """The source's golden with source.ocr; for an ocrmypdf layer only what does not depend
    on Tesseract's reading of the narrative (see LAYER_UNREADABLE for the tables)."""
    gold = copy.deepcopy(json.loads((GOLDEN / f"{source}.json").read_text(encoding="utf-8")))
    # `pages` (what govreport's own OCR re-read) depends on whether tesseract is installed
    gold["source"]["ocr"] = {"existing_layer": list(range(1, pages + 1))}
    if how == "handmade":   # a consistent layer: no OCR at all
        gold["source"]["ocr"]["pages"] = []
    if how == "handmade":
        gold["checks"]["$contains"].append(
            {"rule": "applications.row_totals", "status": "repaired", "path": DROPPED_PATH})
        return gold
    keep = {"source": gold["source"], "status": gold["status"]}
    if stem in LAYER_UNREADABLE:
        keep["status"] = "partial"
    else:
        keep["report"] = {"template": gold["report"]["template"]}
        keep["tables"] = gold["tables"]
    if stem in PARTIAL_WITHOUT_OCR:
        keep["status"] = "partial"
    return keep


def main() -> None:
    only = set(sys.argv[sys.argv.index("--only") + 1:]) if "--only" in sys.argv else None
    manifest = []
    for stem, source, how, dpi in PLAN:
        src, dst = SAMPLES / f"{source}.pdf", SAMPLES / f"{stem}.pdf"
        with tempfile.TemporaryDirectory(prefix="govreport-ocr-layer-") as tmp:
            if only is not None and stem not in only:
                pass
            elif how == "handmade":
                handmade(src, dst, dpi, Path(tmp))
            else:
                ocrmypdf(src, dst, dpi, Path(tmp), "hocr" if how.endswith("hocr") else "sandwich")
        pages = int(re.search(rb"Pages:\s+(\d+)", run(["pdfinfo", str(dst)])).group(1))
        gold = golden(stem, source, how, pages)
        (GOLDEN / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
        manifest.append({"file": f"samples/{stem}.pdf", "golden": f"golden/{stem}.json",
                         "source": f"samples/{source}.pdf", "producer": how, "dpi": dpi,
                         "pages": pages, "bytes": dst.stat().st_size})
        print(f"{stem}.pdf  {how} of {source} at {dpi} dpi: {dst.stat().st_size} bytes")
    (HERE / "manifest-ocr-layer.json").write_text(
        json.dumps({"generated_by": "samples/generate/ocr_layer.py", "samples": manifest},
                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
