#!/usr/bin/env python3
"""A broad matrix of scanned reports with goldens, split into a TUNED and a HELD-OUT set (issue 30).

    python3 samples/generate/scan_matrix.py [DIR]              # both splits (default /tmp/scan-matrix)
    python3 samples/generate/scan_matrix.py DIR --split tuned  # one split
    python3 samples/generate/scan_matrix.py DIR --only m1003-fax-rl-g1003   # some files
    python3 bench/scan_matrix.py DIR                           # measure govreport on it

Writes ``DIR/<split>/<name>.pdf`` (image-only PDFs, no text layer), ``DIR/<split>/golden/<name>.json``
(the expected record), ``DIR/sources/<source>.pdf`` (the born-digital PDFs the generated
reports were rendered to, before scanning) and ``DIR/manifest.json`` (per file: split, seed,
style and its drawn parameters, source, table geometry, and per page the affine map from
source pixels to scan pixels, which bench/ocr_engines.py uses to find cells on the scan).
Nothing here is committed (about 110 MB); the files are deterministic (same bytes on every
run, given the same poppler, LibreOffice and fonts), all drawn from each file's seed.

THE SPLIT RULE (fixed before anything was measured; do not move files between splits):

- file ``i`` of the TUNED split has seed ``1000 + i``, i = 0 … 47  (48 files; 24 … 47 were
  added in session 11, at the end, to tune on as many files per style as HELD-OUT has);
- file ``i`` of the HELD-OUT split has seed ``2000 + i``, i = 0 … 47 (48 files);
- its scan style is ``STYLES[i % 8]`` (so every style is 6 times in TUNED, 6 times in
  HELD-OUT) and its source kind ``KINDS[(i % 8 + i // 8) % 4]``; every other choice (report
  content, producer geometry, the style's parameters) is drawn from ``random.Random(seed)``.
- file ``i`` of the DEV split (session 13) has seed ``3000 + i``, i = 0 … 47: fresh scans of
  the TUNED split's sources, drawn after the held-out gap showed TUNED was worn out by
  tuning; looked at per file like TUNED, to find what fails on scans not yet tuned on;
- file ``i`` of the DEV2 split (session 14) has seed ``4000 + i``, i = 0 … 47: scans of
  sources of the held-out kind that neither TUNED, DEV nor HELD-OUT use (committed Word, ODT
  and web-page samples laid out by LibreOffice, and two Ghostscript rewrites; never a report
  whose content HELD-OUT scans), drawn after DEV read 99.9 % of its committed samples while
  HELD-OUT read 89.6 % of its own; its source kind is ``DEV2_KINDS[(i % 8 + i // 8) % 4]``
  (half committed samples);
- file ``i`` of the DEV3 split (session 15) has seed ``5000 + i``, i = 0 … 47: fresh
  generated reports only (``DEV3_KINDS[(i % 8 + i // 8) % 4]``: reportlab twice, LibreOffice
  Word, LibreOffice HTML), drawn after HELD-OUT showed more wrong cells that no check named
  (8 → 28) while DEV and DEV2 showed almost none: more unseen content and geometry to look
  at per file, in every style;
- TUNED, DEV, DEV2 and DEV3 may be looked at in detail, tuned on and used for engine comparisons. HELD-OUT is
  only ever measured in aggregate (bench/scan_matrix.py totals per style): no one reads its
  failures or tunes on them, so it stays an honest measure of scans the code never saw.
  New files go at the end of a split with the next seed; the seeds above never change.

Sources (every golden states the truth, never an extractor's output):

- ``rl``: a report built by model.build_report from a Spec drawn from the seed (invented
  agency, year 2019–2025, 2019 or 2021 表二, （六） split or not (2021 on), scale, title and period
  forms, some zero cells printed as ``—``/``/``/blank), drawn by reportlab (render_reportlab)
  with random table geometry: rule weight 0.1–1.5 pt, light grey rules, no inner column
  rules or none at all, column widths ±30 % (labels wrap onto more lines), cell padding,
  table font size, the vertical group label wrapped;
- ``lo``: such a report as python-docx (render_docx, same geometry keys: Word border
  weights, grey rules, inner rules off, widths, size) converted by LibreOffice;
- ``html``: such a report as HTML (render_html, ``border``/``cellpadding`` attributes and the
  CSS rule weight and colour varied) imported by LibreOffice Writer (``HTML (StarWriter)``)
  and exported to PDF; LibreOffice sets HTML tables its own way (narrow 表二, wrapped
  header cells). ``--chromium`` prints these with headless Chromium instead, where it is
  installed (that changes those files, so it is off by default);
- ``sample``: a committed born-digital sample (golden/<stem>.json). TUNED draws from the
  sources of tests/scans (scan.PLAN, the scans the OCR path was tuned on); HELD-OUT from
  scan.FRESH's other sources and the two sideways-drawn reportlab samples. Three slots are
  the real report ``../shared/corpus/real/hongze-2023.pdf`` (golden
  tests/corpus_golden/hongze-2023.json, a full record: status ``partial`` because two 表四
  totals are printed 0): TUNED file 17, HELD-OUT files 3 and 10. It is read from its place,
  never copied into the repository.

Scan styles (``STYLES``), parameters drawn per file:

- ``clean``: 300 dpi grey, lossless (Flate), at most 0.15° of skew;
- ``office``: 150/200/240/300 dpi grey JPEG quality 40–90, skew up to ±2°, blur 0–1 px,
  noise, grey paper, specks;
- ``fax``: 150–200 dpi 1-bit CCITT G4 (tiff2pdf), blur then a threshold of 125–190, skew
  up to ±1°, specks;
- ``photo``: 200–300 dpi colour JPEG quality 50–85, contrast lowered (ink 50–100, paper
  185–235), light falling off across the page in a random direction (to 55–80 %), a warm
  tint, blur, noise, skew up to ±1.5°;
- ``bilevel``: 200–300 dpi 1-bit Flate at a threshold of 90–210, strokes thickened or
  thinned by a 3-pixel min/max filter or left, skew up to ±0.6°;
- ``scale``: 200/300 dpi grey JPEG quality 70–90, the page scaled by 97–98 % or
  102–103 % and shifted up to 30 px, skew up to ±0.5°;
- ``dither``: 200/300 dpi 1-bit, error-diffused (Floyd–Steinberg) from a grey page with
  light grey paper (a scanner's "text/photo" mode);
- ``photocopy``: 200–300 dpi grey JPEG quality 30–60 of a copy of a copy: resampled down
  to 50–70 % and back, ink thickened (sometimes), toner specks, dark bands along one or
  two edges, skew up to ±1.5°.

Needs Pillow, numpy, reportlab, python-docx, pdftoppm (poppler-utils), tiff2pdf
(libtiff-tools), soffice (LibreOffice Writer) and the Noto CJK fonts.
"""
from __future__ import annotations

import argparse
import copy
import io
import json
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import model  # noqa: E402
import render_docx  # noqa: E402
import render_html  # noqa: E402
import render_reportlab  # noqa: E402
import scan  # noqa: E402

ROOT = HERE.parent.parent
# the shared corpus beside the repository (or beside a worktree's parent), as the tests look for it
HONGZE_PDF = next((p for p in (ROOT.parent / "shared/corpus/real/hongze-2023.pdf",
                               ROOT.parent.parent / "shared/corpus/real/hongze-2023.pdf") if p.exists()),
                  ROOT.parent / "shared/corpus/real/hongze-2023.pdf")
HONGZE_GOLDEN = ROOT / "tests" / "corpus_golden" / "hongze-2023.json"

SPLITS = {"tuned": (1000, 48), "heldout": (2000, 48), "dev": (3000, 48), "dev2": (4000, 48),
          "dev3": (5000, 48)}
STYLES = ["clean", "office", "fax", "photo", "bilevel", "scale", "dither", "photocopy"]
KINDS = ["rl", "lo", "html", "sample"]
DEV2_KINDS = ["sample", "lo", "sample", "html"]
DEV3_KINDS = ["rl", "lo", "html", "rl"]
HONGZE = {1017, 2003, 2010}   # seeds whose "sample" slot is the real report
POOL = {
    "tuned": sorted({src for src, _, _ in scan.PLAN}),
    "dev": sorted({src for src, _, _ in scan.PLAN}),
    "heldout": sorted({src for src, _, _ in scan.FRESH} - {src for src, _, _ in scan.PLAN}
                      | {"nanhu-2024-stsong-turn90", "qingyuan-2025-stsong-turn270"}),
    # not a PDF: laid out by LibreOffice first (documents, and web pages as Writer imports them);
    # left out because LibreOffice's layout loses their tables (pdftotext shows it): the web
    # pages hechuan-2021-html-brlabel, shiwan-2022-html and yunlan-2024-html-fullwidth stop
    # after 表二's first rows, and nanhu-2023-handmade.docx (no column widths) is squeezed
    # to one character a line
    "dev2": ["baisha-2020-lo-gs", "bishui-2023-html", "dongpu-2025-lo", "fengling-2021-lo",
             "jiangchuan-2024-lo-gs", "shiwan-2020-html", "shiwan-edu-2023-html",
             "tongshan-2022-word", "xishan-2020-lo"],
}


def plan(split: str) -> list[dict]:
    """The files of a split: seed, style, source kind (the split rule above)."""
    first, n = SPLITS[split]
    out = []
    for i in range(n):
        seed = first + i
        style = STYLES[i % 8]
        kinds = {"dev2": DEV2_KINDS, "dev3": DEV3_KINDS}.get(split, KINDS)
        kind = kinds[(i % 8 + i // 8) % 4]
        if seed in HONGZE:
            assert kind == "sample", seed
            kind = "hongze"
        out.append({"split": split, "seed": seed, "style": style, "kind": kind})
    return out


# ---------------------------------------------------------------------------------------
# Sources: generated reports (model.py) and their geometry

PLACES = ["江川市", "青岚区", "白沙县", "临澜市", "河阳市", "松溪县", "东浦区", "云山市", "桐山县",
          "南湖区", "清源市", "西山市", "枫岭县", "双桥区", "城北区", "桃源县", "新河市", "碧水市",
          "柳塘区", "云岚市", "鹤川县"]
BODIES = [("人民政府", None), ("发展和改革局", "本局"), ("教育局", "本局"), ("民政局", "本局"),
          ("司法局", "本局"), ("财政局", "本局"), ("人力资源和社会保障局", "本局"),
          ("自然资源局", "本局"), ("生态环境局", "本局"), ("交通运输局", "本局"), ("水利局", "本局"),
          ("农业农村局", "本局"), ("商务局", "本局"), ("文化和旅游局", "本局"),
          ("卫生健康委员会", "本委"), ("应急管理局", "本局"), ("市场监督管理局", "本局"),
          ("医疗保障局", "本局"), ("统计局", "本局"), ("住房公积金管理中心", "本中心")]
TOWNS = ["石门镇", "青山镇", "双河镇", "龙泉镇", "新安街道办事处", "东城街道办事处"]


def gen_spec(seed: int, rng: random.Random) -> model.Spec:
    """A report specification drawn from the seed (model.build_report builds it)."""
    place = rng.choice(PLACES)
    if rng.random() < 0.15:
        town = rng.choice(TOWNS)
        agency = place + town + ("" if town.endswith("办事处") else "人民政府")
        we = "本街道" if "街道" in town else "我镇"
        office = agency + "党政办公室"
    else:
        body, we = rng.choice(BODIES)
        agency = place + body
        we = we or {"市": "我市", "区": "我区", "县": "我县"}[place[-1]]
        office = agency + "办公室"
    year = rng.randint(2019, 2025)
    template = "2019" if year <= 2020 or (year <= 2022 and rng.random() < 0.15) else "2021"
    scale = rng.choice(["tiny", "small", "small", "medium", "medium", "large"])
    six_split = rng.random() < 0.6 and year >= 2021   # the 2021 revision split （六） in three
    spec = model.Spec(f"g{seed}", agency, year, template, six_split, scale, we, office, seed,
                      period_form=rng.choice(["full", "full", "short", "none"]),
                      title_form=rng.choice(["agency_first", "agency_first", "year_first", "two_lines"]),
                      caption_space=rng.random() < 0.3)
    if rng.random() < 0.3:   # some zero cells of 表三 printed as a mark or left blank
        rep = model.build_report(spec)
        zeros = [f"applications:rows.{k}[{i}]" for k, v in rep.applications.items()
                 for i in range(6) if v[i] == 0]
        mark = rng.choice(["—", "/", "", "—"])
        for key in rng.sample(zeros, min(len(zeros), rng.randint(2, 8))):
            spec.printed[key] = mark
    return spec


def jitter_widths(rng: random.Random, widths: list[float], spread: float = 0.3) -> list[float]:
    return [round(w * rng.uniform(1 - spread, 1 + spread), 3) for w in widths]


def gen_geometry(rng: random.Random, rep: model.Report, kind: str) -> dict:
    """Table geometry for a producer; {} keeps the producer's usual look."""
    if rng.random() < 0.15:
        return {}
    g = {}
    g["line_width"] = rng.choice([0.1, 0.25, 0.5, 0.75, 1.0, 1.5])
    if rng.random() < 0.35:   # light grey rules
        grey = round(rng.uniform(0.4, 0.7), 2)
        if kind == "lo":
            g["rule_color"] = "%02X%02X%02X" % ((round(grey * 255),) * 3)
        else:
            g["rule_grey"] = grey
    g["inner"] = rng.choice(["all"] * 6 + ["horizontal"] * 2 + ["none"] * 2)
    if rng.random() < 0.6:
        from tables import grids
        g["widths"] = {name: jitter_widths(rng, gr.widths) for name, gr in grids(rep).items()}
    g["size"] = round(rng.uniform(7.0, 9.5) if kind != "lo" else rng.uniform(7.5, 10.5), 1)
    if kind == "rl":
        g["pad"] = round(rng.uniform(1.5, 5.0), 1)
        if rng.random() < 0.3:
            g["vlabel"] = "wrap"
    return g


def html_geometry(rng: random.Random) -> dict:
    return {"border": rng.choice([1, 1, 2]), "cellpadding": rng.randint(1, 6),
            "css_width": rng.choice([0.5, 0.8, 1.2]),
            "css_color": rng.choice(["#000", "#000", "#777", "#999"])}


def html_page(rep: model.Report, geo: dict) -> str:
    page = render_html.render(rep)
    page = page.replace("<table>", f'<table border="{geo["border"]}" cellspacing="0" '
                                   f'cellpadding="{geo["cellpadding"]}">')
    return page.replace("border: 0.8pt solid #000", f"border: {geo['css_width']}pt solid {geo['css_color']}")


def soffice(inputs: list[Path], outdir: Path, profile: Path, infilter: str | None = None) -> None:
    if not inputs:
        return
    cmd = ["nice", shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{profile}",
           "--headless"] + ([f"--infilter={infilter}"] if infilter else []) + \
          ["--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir)] + [str(p) for p in inputs]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def chromium(html: Path, pdf: Path, work: Path) -> None:
    prof = Path(tempfile.mkdtemp(prefix="chr-", dir=work))
    subprocess.run([shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--no-pdf-header-footer", f"--user-data-dir={prof}",
                    f"--print-to-pdf={pdf}", html.as_uri()], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_sources(files: list[dict], out: Path, use_chromium: bool) -> None:
    """Renders the born-digital source of every file (generated reports into DIR/sources/);
    fills each file's ``source`` and ``golden`` entries."""
    srcdir = out / "sources"
    srcdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="scan-matrix-"))
    docx, html = [], []
    for f in files:
        rng = random.Random(f["seed"])
        kind = f["kind"]
        if kind in ("rl", "lo", "html"):
            spec = gen_spec(f["seed"], rng)
            rep = model.build_report(spec)
            name = f"{kind}-g{f['seed']}"
            pdf = srcdir / f"{name}.pdf"
            src = {"kind": kind, "name": name, "path": str(pdf),
                   "spec": {"agency": spec.agency, "year": spec.year, "template": spec.template,
                            "six_split": spec.six_split, "scale": spec.scale,
                            "title_form": spec.title_form, "period_form": spec.period_form,
                            "printed": len(spec.printed)}}
            if kind == "rl":
                geo = gen_geometry(rng, rep, "rl")
                lines = rng.choice(["stroke", "rect"])
                render_reportlab.render(rep, str(pdf), lines, geo or None)
                src.update(producer=f"reportlab-{lines}", geometry=geo)
            elif kind == "lo":
                geo = gen_geometry(rng, rep, "lo")
                d = work / f"{name}.docx"
                render_docx.render(rep, str(d), geometry=geo or None)
                docx.append(d)
                src.update(producer="libreoffice-docx", geometry=geo)
            else:
                geo = html_geometry(rng)
                h = work / f"{name}.html"
                h.write_text(html_page(rep, geo), encoding="utf-8")
                html.append(h)
                src.update(producer="chromium-html" if use_chromium else "libreoffice-html",
                           geometry=geo)
            f["source"] = src
            f["golden"] = rep.golden("pdf", None)
        elif kind == "hongze":
            f["source"] = {"kind": "real", "name": "hongze-2023", "path": str(HONGZE_PDF),
                           "producer": "WPS (real report)"}
            f["golden"] = json.loads(HONGZE_GOLDEN.read_text())
        else:
            stem = rng.choice(POOL[f["split"]])
            sample = next(ROOT.glob(f"samples/{stem}.*"))
            pdf = ROOT / "samples" / f"{stem}.pdf"
            if sample.suffix == ".html":
                pdf = srcdir / f"{stem}.pdf"
                html += [sample] if sample not in html else []
            elif sample.suffix != ".pdf":
                pdf = srcdir / f"{stem}.pdf"
                docx += [sample] if sample not in docx else []
            f["source"] = {"kind": "sample", "name": stem, "path": str(pdf),
                           "producer": "committed sample" if sample.suffix == ".pdf"
                           else f"committed sample ({sample.suffix[1:]}, LibreOffice)"}
            f["golden"] = json.loads((ROOT / "golden" / f"{stem}.json").read_text())
        f["rng_state"] = rng.getstate()   # the scan's parameters continue from here
    profile = work / "lo-profile"
    soffice(docx, srcdir, profile)
    if use_chromium and html:
        for h in html:
            chromium(h, srcdir / f"{h.stem}.pdf", work)
    else:
        soffice(html, srcdir, profile, "HTML (StarWriter)")
    shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# Scanning: page images, geometry with a known map, degradations

def render_pages(pdf: Path, dpi: int, tmp: Path) -> list[Image.Image]:
    for p in tmp.glob("p-*.pgm"):
        p.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(tmp / "p")], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp.glob("p-*.pgm"))]


def place(img: Image.Image, angle: float, s: float = 1.0, dx: float = 0.0, dy: float = 0.0,
          fill: int = 255) -> tuple[Image.Image, list[float]]:
    """Turns the page by `angle` degrees (counter-clockwise as seen), scales it by `s` about
    its centre and shifts it by (dx, dy) pixels, on a canvas of the same size. Returns the
    image and the forward map [a, b, c, d, e, f]: a source pixel (x, y) lands at
    (a x + b y + c, d x + e y + f)."""
    w, h = img.size
    cx, cy = w / 2, h / 2
    t = math.radians(angle)
    a, b = s * math.cos(t), s * math.sin(t)
    d, e = -s * math.sin(t), s * math.cos(t)
    c = cx + dx - a * cx - b * cy
    f = cy + dy - d * cx - e * cy
    fwd = np.array([[a, b, c], [d, e, f], [0, 0, 1]])
    inv = np.linalg.inv(fwd)
    if angle or s != 1 or dx or dy:
        img = img.transform((w, h), Image.AFFINE, tuple(inv[:2].ravel()), resample=Image.BICUBIC,
                            fillcolor=fill)
    return img, [round(v, 6) for v in fwd[:2].ravel()]


def specks(arr: np.ndarray, rng: random.Random, n: int, levels=(30, 90, 140)) -> None:
    h, w = arr.shape[:2]
    for _ in range(n):
        y, x = rng.randrange(h - 2), rng.randrange(w - 2)
        size = rng.choice([1, 1, 1, 2])
        arr[y:y + size, x:x + size] = rng.choice(levels)


def noise(img: Image.Image, nrng: np.random.Generator, sigma: float) -> Image.Image:
    if sigma <= 0:
        return img
    arr = np.asarray(img, dtype=np.float32)
    arr = arr + nrng.normal(0, sigma, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def paper(img: Image.Image, ink: float, white: float) -> Image.Image:
    """Maps black..white to ink..white (lower contrast, grey paper)."""
    return img.point(lambda v: int(ink + (white - ink) * v / 255))


def jpeg(img: Image.Image, q: int) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=q, optimize=True)
    return out.getvalue()


def flate_1bit(img: Image.Image) -> tuple:
    b = img.convert("1", dither=Image.NONE) if img.mode != "1" else img
    return ("FlateDecode", 1, b.width, b.height, zlib.compress(b.tobytes(), 9))


def threshold(img: Image.Image, t: int) -> Image.Image:
    return img.point(lambda v: 255 if v > t else 0).convert("1", dither=Image.NONE)


def fax_pdf(pages: list[Image.Image], dpi: int, tmp: Path) -> bytes:
    """CCITT G4 through tiff2pdf, its timestamps fixed (same length, so offsets hold)."""
    tif, pdf = tmp / "fax.tif", tmp / "fax.pdf"
    pages[0].save(tif, compression="group4", dpi=(dpi, dpi), save_all=True, append_images=pages[1:])
    subprocess.run(["tiff2pdf", "-o", str(pdf), str(tif)], check=True)
    data = pdf.read_bytes()
    return re.sub(rb"\(D:\d{14}", b"(D:20260101000000", data)


def uniform_sign(rng: random.Random, lo: float, hi: float) -> float:
    return rng.choice([-1, 1]) * rng.uniform(lo, hi)


def scan_file(f: dict, tmp: Path) -> tuple[bytes, dict, list]:
    """The scanned PDF of one file: (bytes, the style's parameters, per-page forward maps)."""
    rng = random.Random()
    rng.setstate(f["rng_state"])
    nrng = np.random.default_rng(f["seed"])
    src = Path(f["source"]["path"])
    style = f["style"]
    P: dict = {}
    maps = []

    if style == "clean":
        P["dpi"] = 300
        imgs = render_pages(src, P["dpi"], tmp)
        pages = []
        for img in imgs:
            img, m = place(img, round(rng.uniform(-0.15, 0.15), 3))
            maps.append(m)
            pages.append(("FlateDecode", 8, img.width, img.height, zlib.compress(img.tobytes(), 6)))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    if style == "office":
        P = {"dpi": rng.choice([150, 200, 240, 300]), "quality": rng.randint(40, 90),
             "skew": round(rng.uniform(-2, 2), 3), "blur": round(rng.uniform(0, 1.0), 2),
             "noise": round(rng.uniform(0, 10), 1), "paper": rng.randint(225, 250)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img = paper(img, 0, P["paper"])
            img, m = place(img, P["skew"] + rng.uniform(-0.2, 0.2), fill=P["paper"])
            maps.append(m)
            if P["blur"] > 0.05:
                img = img.filter(ImageFilter.GaussianBlur(P["blur"]))
            img = noise(img, nrng, P["noise"])
            arr = np.array(img)
            specks(arr, rng, img.width * img.height // 20000)
            img = Image.fromarray(arr)
            pages.append(("DCTDecode", 8, img.width, img.height, jpeg(img, P["quality"])))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    if style == "fax":
        P = {"dpi": rng.choice([150, 150, 200, 200, 170]), "threshold": rng.randint(125, 190),
             "blur": round(rng.uniform(0.3, 0.9), 2), "skew": round(rng.uniform(-1, 1), 3)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img, m = place(img, P["skew"])
            maps.append(m)
            img = img.filter(ImageFilter.GaussianBlur(P["blur"]))
            arr = np.array(img)
            specks(arr, rng, img.width * img.height // 15000, levels=(0,))
            pages.append(threshold(Image.fromarray(arr), P["threshold"]))
        return fax_pdf(pages, P["dpi"], tmp), P, maps

    if style == "photo":
        P = {"dpi": rng.choice([200, 250, 300]), "quality": rng.randint(50, 85),
             "ink": rng.randint(50, 100), "paper": rng.randint(185, 235),
             "light_dir": round(rng.uniform(0, 360), 1), "light_min": round(rng.uniform(0.55, 0.8), 2),
             "tint": [1.0, round(rng.uniform(0.93, 0.99), 3), round(rng.uniform(0.82, 0.95), 3)],
             "blur": round(rng.uniform(0.5, 1.2), 2), "noise": round(rng.uniform(2, 8), 1),
             "skew": round(uniform_sign(rng, 0.2, 1.5), 3)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img = paper(img, P["ink"], P["paper"])
            img, m = place(img, P["skew"], fill=P["paper"])
            maps.append(m)
            w, h = img.size
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            t = math.radians(P["light_dir"])
            proj = (xx - w / 2) * math.cos(t) + (yy - h / 2) * math.sin(t)
            proj = (proj - proj.min()) / max(float(proj.max() - proj.min()), 1.0)
            light = 1.0 - (1.0 - P["light_min"]) * proj ** 1.5
            arr = np.asarray(img.filter(ImageFilter.GaussianBlur(P["blur"])), dtype=np.float32) * light
            arr = arr + nrng.normal(0, P["noise"], arr.shape).astype(np.float32)
            rgb = np.stack([arr * k for k in P["tint"]], axis=-1)
            img = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
            pages.append(("DCTDecode", 8, w, h, jpeg(img, P["quality"]), "DeviceRGB"))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    if style == "bilevel":
        P = {"dpi": rng.choice([200, 240, 300]), "threshold": rng.randint(90, 210),
             "stroke": rng.choice(["as-is", "thicker", "thinner"]), "skew": round(rng.uniform(-0.6, 0.6), 3)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img, m = place(img, P["skew"])
            maps.append(m)
            if P["stroke"] == "thicker":
                img = img.filter(ImageFilter.MinFilter(3))
            elif P["stroke"] == "thinner":
                img = img.filter(ImageFilter.MaxFilter(3))
            pages.append(flate_1bit(threshold(img, P["threshold"])))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    if style == "scale":
        P = {"dpi": rng.choice([200, 300]), "quality": rng.randint(70, 90),
             "scale": round(1 + uniform_sign(rng, 0.02, 0.03), 4),
             "shift": [rng.randint(-30, 30), rng.randint(-30, 30)], "skew": round(rng.uniform(-0.5, 0.5), 3)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img, m = place(img, P["skew"], P["scale"], *P["shift"])
            maps.append(m)
            pages.append(("DCTDecode", 8, img.width, img.height, jpeg(img, P["quality"])))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    if style == "dither":
        P = {"dpi": rng.choice([200, 300]), "paper": rng.randint(215, 240), "ink": rng.randint(0, 50),
             "blur": round(rng.uniform(0.3, 0.8), 2), "skew": round(rng.uniform(-0.8, 0.8), 3)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img = paper(img, P["ink"], P["paper"])
            img, m = place(img, P["skew"], fill=P["paper"])
            maps.append(m)
            img = img.filter(ImageFilter.GaussianBlur(P["blur"])).convert("1")   # Floyd–Steinberg
            pages.append(flate_1bit(img))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    if style == "photocopy":
        P = {"dpi": rng.choice([200, 250, 300]), "quality": rng.randint(30, 60),
             "resample": round(rng.uniform(0.5, 0.7), 2), "thicken": rng.random() < 0.5,
             "paper": rng.randint(215, 240), "bands": rng.sample(["left", "right", "top", "bottom"], rng.randint(1, 2)),
             "band_px": rng.randint(10, 50), "skew": round(uniform_sign(rng, 0.3, 1.5), 3)}
        pages = []
        for img in render_pages(src, P["dpi"], tmp):
            img, m = place(img, P["skew"])
            maps.append(m)
            w, h = img.size
            if P["thicken"]:
                img = img.filter(ImageFilter.MinFilter(3))
            small = img.resize((int(w * P["resample"]), int(h * P["resample"])), Image.BILINEAR)
            img = small.resize((w, h), Image.BICUBIC)
            img = paper(img, 10, P["paper"])
            arr = np.array(img)
            specks(arr, rng, w * h // 6000, levels=(20, 60, 110))
            for side in P["bands"]:
                k = P["band_px"] + rng.randint(-5, 5)
                ragged = [max(1, k + rng.randint(-4, 4)) for _ in range(max(w, h))]
                for j, r in enumerate(ragged):
                    if side == "left" and j < h:
                        arr[j, :r] = 25
                    elif side == "right" and j < h:
                        arr[j, w - r:] = 25
                    elif side == "top" and j < w:
                        arr[:r, j] = 25
                    elif side == "bottom" and j < w:
                        arr[h - r:, j] = 25
            img = Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.5))
            pages.append(("DCTDecode", 8, w, h, jpeg(img, P["quality"])))
        return scan.image_pdf(pages, P["dpi"]), P, maps

    raise ValueError(style)


def golden(gold: dict, pages: int) -> dict:
    gold = copy.deepcopy(gold)
    gold["source"] = {"format": "pdf", "pages": pages,
                      "ocr": {"engine": "tesseract 5.3.0", "languages": "chi_sim",
                              "pages": list(range(1, pages + 1)), "existing_layer": None}}
    return gold


def file_name(f: dict) -> str:
    return f"m{f['seed']}-{f['style']}-{f['source']['name']}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default="/tmp/scan-matrix")
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all",
                    help="all = tuned and heldout; dev, dev2 and dev3 are made only when asked")
    ap.add_argument("--only", nargs="*", help="file names (or seeds) to make")
    ap.add_argument("--chromium", action="store_true", help="print the html sources with Chromium")
    args = ap.parse_args(argv)
    out = Path(args.dir)
    if args.chromium and not shutil.which("chromium"):
        raise SystemExit("--chromium: no chromium on PATH")
    for tool in ("pdftoppm", "tiff2pdf", "soffice"):
        if not shutil.which(tool):
            raise SystemExit(f"missing tool: {tool} (see samples/generate/README.md)")
    if not HONGZE_PDF.exists() or not HONGZE_GOLDEN.exists():
        raise SystemExit(f"the real report or its golden is missing: {HONGZE_PDF}, {HONGZE_GOLDEN}")
    splits = ["tuned", "heldout"] if args.split == "all" else [args.split]
    files = [f for s in splits for f in plan(s)]
    if args.only:
        files = [f for f in files if str(f["seed"]) in args.only
                 or any(o.startswith(f"m{f['seed']}-") for o in args.only)]
    make_sources(files, out, args.chromium)
    man_path = out / "manifest.json"
    manifest = {m["name"]: m for m in json.loads(man_path.read_text())["files"]} if man_path.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            name = file_name(f)
            data, params, maps = scan_file(f, Path(tmp))
            d = out / f["split"]
            (d / "golden").mkdir(parents=True, exist_ok=True)
            (d / f"{name}.pdf").write_bytes(data)
            gold = golden(f["golden"], len(maps))
            (d / "golden" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                       encoding="utf-8")
            manifest[name] = {"name": name, "split": f["split"], "seed": f["seed"], "style": f["style"],
                              "params": params, "source": f["source"], "pages": len(maps),
                              "maps": maps, "pdf": f"{f['split']}/{name}.pdf",
                              "golden": f"{f['split']}/golden/{name}.json"}
            print(f"{f['split']}/{name}.pdf  {len(maps)} pages  {len(data) // 1024} KiB", flush=True)
    order = sorted(manifest.values(), key=lambda m: m["seed"])
    man_path.write_text(json.dumps({"generated_by": "samples/generate/scan_matrix.py", "files": order},
                                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
