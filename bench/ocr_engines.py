#!/usr/bin/env python3
"""OCR engines compared on the same page images of the scan matrix's TUNED split (issue 30):
bare tesseract (chi_sim, --psm 3 and --psm 6) against PP-OCR through ONNX Runtime (RapidOCR:
PP-OCRv4 mobile from `rapidocr_onnxruntime` 1.4.4, PP-OCRv6 small from `rapidocr` 3.10, both
with their models inside the wheel; `rapid-v6-det960` is PP-OCRv6 with the detector given
the page at most 960 px on its longest side, PaddleOCR's own default, instead of RapidOCR's
up to 2000), one thread each.

    python3 samples/generate/scan_matrix.py /tmp/scan-matrix --split tuned
    python3 bench/ocr_engines.py /tmp/scan-matrix --py /path/to/venv/bin/python [--engines …]
    python3 bench/ocr_engines.py --inspect --py /path/to/venv/bin/python   # model files, shapes

`--py` is a Python with `rapidocr`, `rapidocr_onnxruntime`, `onnxruntime` and `onnx`
installed (a venv: pip install rapidocr rapidocr_onnxruntime onnxruntime onnx); this script
itself needs only numpy and Pillow.

Pages: the scan pages that hold table cells (found on the born-digital source, below),
rendered once by `pdftoppm -r 300 -gray` (PNG) and given to every engine as they are (no
clean-up: govreport's background normalisation and deskew are not applied).

Truth per page, from the born-digital source (manifest.json keeps its path and the affine
map source pixel -> scan pixel of every page): table regions are the connected clusters of
long ruling lines on the source rendered at 150 dpi; golden cells are the source's words
(`pdftotext -bbox`) inside a table region that are numbers; label text is the CJK
characters of the other words there. Everything is mapped onto the 300 dpi scan image.

Measures, per engine (and per scan style):
- page: CPU seconds per page (user + sys of the engine's process, one thread:
  OMP_THREAD_LIMIT / OMP_NUM_THREADS = 1, onnxruntime intra/inter-op threads = 1; the
  model load is reported apart), peak RSS;
- cells at the right place: a golden cell counts as found when a number the engine read
  equals it and lies on the cell (its centre within the cell's box grown by 0.8 of its
  height). Tesseract's numbers are its words' digit runs (a word's box); RapidOCR's are runs
  of its per-character boxes (`return_word_box`), cut where the gap exceeds 0.6 of a height;
- numbers recovered: the golden numbers (a multiset) found anywhere in the table region;
- label characters: recall and precision of the table region's CJK characters (multisets);
- single cells (`--cells`): each golden cell cropped from the page on its own (its digits'
  box grown by 0.5 of a height sideways, 0.35 up and down) and read alone: tesseract `eng`
  --psm 7 with a digit whitelist (what govreport's cell pass does, without its clean-up),
  tesseract `chi_sim` --psm 7, and the PP-OCR recognisers alone (no detection); exact
  match rate and CPU milliseconds per cell.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from PIL import Image

NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
CJK = re.compile(r"[\u4e00-\u9fff]")
FULLWIDTH = str.maketrans("０１２３４５６７８９．－，", "0123456789.-,")
ENGINES = ["tess-psm3", "tess-psm6", "rapid-v4", "rapid-v6", "rapid-v6-det960"]
CELL_ENGINES = ["tess-eng-digits", "tess-chi-psm7", "rapid-v4-rec", "rapid-v6-rec"]
ONE_THREAD = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
              "MKL_NUM_THREADS": "1"}


# ---------------------------------------------------------------------------------------
# Truth from the born-digital source

def source_words(pdf: str) -> dict[int, list]:
    """Per page (1-based): (text, x0, y0, x1, y1) in points from the top left."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    pages, page = {}, 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
            pages[page] = []
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', line)
        if m:
            t = m.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            pages[page].append((t, *map(float, m.groups()[:4])))
    return pages


def table_regions(pdf: str, page: int, tmp: Path) -> list:
    """Boxes (points) of the clusters of long rules on a source page (150 dpi)."""
    dpi = 150
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), pdf,
                    str(tmp / "reg")], check=True)
    f = next(tmp.glob("reg*.pgm"))
    a = np.asarray(Image.open(f).convert("L")) < 225
    f.unlink()
    h, w = a.shape
    mask = np.zeros_like(a)
    minh, minv = int(0.5 * dpi), int(0.3 * dpi)
    for arr, out, mn in ((a, mask, minh), (a.T, mask.T, minv)):
        for i in range(arr.shape[0]):
            row = arr[i]
            if row.sum() < mn:
                continue
            d = np.diff(np.concatenate([[0], row.astype(np.int8), [0]]))
            starts, ends = np.where(d == 1)[0], np.where(d == -1)[0]
            for s, e in zip(starts, ends):
                if e - s >= mn:
                    out[i, s:e] = True
    # connected clusters on a coarse grid (cells of 6 px, touching or one cell apart)
    k = 6
    gh, gw = (h + k - 1) // k, (w + k - 1) // k
    g = np.zeros((gh, gw), bool)
    ys, xs = np.nonzero(mask)
    g[ys // k, xs // k] = True
    seen = np.zeros_like(g)
    regions = []
    for y0, x0 in zip(*np.nonzero(g)):
        if seen[y0, x0]:
            continue
        stack, pts = [(y0, x0)], []
        seen[y0, x0] = True
        while stack:
            y, x = stack.pop()
            pts.append((y, x))
            for dy in (-2, -1, 0, 1, 2):
                for dx in (-2, -1, 0, 1, 2):
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < gh and 0 <= xx < gw and g[yy, xx] and not seen[yy, xx]:
                        seen[yy, xx] = True
                        stack.append((yy, xx))
        py, px = zip(*pts)
        box = [min(px) * k, min(py) * k, (max(px) + 1) * k, (max(py) + 1) * k]
        if box[2] - box[0] > 2 * dpi and box[3] - box[1] > 0.25 * dpi:
            regions.append([v * 72 / dpi for v in box])
    return regions


def is_number(t: str) -> bool:
    return bool(re.fullmatch(r"-?\d[\d,]*(\.\d+)?", t.translate(FULLWIDTH)))


def inside(x: float, y: float, box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def map_box(box_pt, m, dpi_src: int, scale: float) -> list:
    """A box in source points -> the engine image's pixels (through the page's affine map)."""
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((box_pt[0], box_pt[1]), (box_pt[2], box_pt[1]), (box_pt[0], box_pt[3]), (box_pt[2], box_pt[3])):
        px, py = x * dpi_src / 72, y * dpi_src / 72
        xs.append((a * px + b * py + c) * scale)
        ys.append((d * px + e * py + f) * scale)
    return [min(xs), min(ys), max(xs), max(ys)]


def truth(entry: dict, tmp: Path) -> dict:
    """Per page of a scan: golden cells and label characters, mapped to 300 dpi pixels."""
    src = entry["source"]["path"]
    words = source_words(src)
    dpi = entry["params"]["dpi"]
    scale = 300 / dpi
    out = {}
    for page, m in enumerate(entry["maps"], 1):
        regs = table_regions(src, page, tmp)
        if not regs:
            continue
        cells, labels = [], Counter()
        for t, x0, y0, x1, y1 in words.get(page, []):
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if not any(inside(cx, cy, r) for r in regs):
                continue
            if is_number(t):
                cells.append({"text": t.translate(FULLWIDTH).replace(",", ""),
                              "box": map_box((x0, y0, x1, y1), m, dpi, scale)})
            else:
                labels.update(CJK.findall(t))
        if cells:
            out[page] = {"cells": cells, "labels": dict(labels),
                         "regions": [map_box(r, m, dpi, scale) for r in regs]}
    return out


def golden_numbers(gold: dict) -> Counter:
    """The printed numbers of the golden's tables (a multiset; sanity check of `truth`)."""
    c = Counter()

    def walk(v, printed):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in ("printed", "columns"):
                    walk(x, printed)
        elif isinstance(v, list):
            for x in v:
                walk(x, printed)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            c[str(v)] += 1
    walk(gold.get("tables") or {}, None)
    return c


# ---------------------------------------------------------------------------------------
# Engines. Each returns per page a list of tokens (text, [x0, y0, x1, y1]).

def wait_usage(proc: subprocess.Popen) -> tuple[float, int]:
    """CPU seconds (user + sys) and peak RSS (KiB) of a finished child."""
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def tsv_tokens(tsv: str, n_pages: int) -> list:
    pages = [[] for _ in range(n_pages)]
    for line in tsv.splitlines()[1:]:
        p = line.split("\t")
        if len(p) < 12 or p[0] != "5" or not p[11].strip():
            continue
        x, y, w, h = map(int, p[6:10])
        pages[int(p[1]) - 1].append((p[11], [x, y, x + w, y + h], float(p[10])))
    return pages


def run_tesseract(images: list, args: list, work: Path) -> dict:
    lst = work / "list.txt"
    lst.write_text("\n".join(map(str, images)) + "\n")
    with open(work / "out.tsv", "w") as out:
        p = subprocess.Popen(["tesseract", str(lst), "-", *args, "tsv"], stdout=out,
                             stderr=subprocess.DEVNULL, env={**os.environ, **ONE_THREAD})
        cpu, rss = wait_usage(p)
    # model load: the same on an empty page
    blank = work / "blank.png"
    Image.new("L", (50, 50), 255).save(blank)
    p = subprocess.Popen(["tesseract", str(blank), "-", *args, "tsv"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env={**os.environ, **ONE_THREAD})
    load, _ = wait_usage(p)
    return {"tokens": tsv_tokens((work / "out.tsv").read_text(), len(images)), "cpu": cpu,
            "rss_kib": rss, "load_cpu": load}


RAPID_WORKER = r'''
import json, sys, time
kind, lst, out = sys.argv[1], sys.argv[2], sys.argv[3]
rec_only = kind.endswith("-rec")
t0 = time.process_time()
if kind.startswith("rapid-v4"):
    from rapidocr_onnxruntime import RapidOCR
    eng = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    def run(path):
        if rec_only:
            res, _ = eng(path, use_det=False, use_cls=False, use_rec=True)
            return [(t, None, s) for t, s in (res or [])]
        res, _ = eng(path, return_word_box=True)
        toks = []
        for r in res or []:
            box, txt, score = r[0], r[1], r[2]
            words = r[3] if len(r) > 3 else None
            toks.append((txt, box, score, words))
        return toks
else:
    from rapidocr import RapidOCR
    params = {"EngineConfig.onnxruntime.intra_op_num_threads": 1,
              "EngineConfig.onnxruntime.inter_op_num_threads": 1, "Global.log_level": "error"}
    if "det960" in kind:   # PaddleOCR's own detector default: longest side at most 960
        params.update({"Det.limit_type": "max", "Det.limit_side_len": 960})
    eng = RapidOCR(params=params)
    def run(path):
        if rec_only:
            r = eng(path, use_det=False, use_cls=False, use_rec=True)
            return [(t, None, float(s)) for t, s in zip(r.txts or (), r.scores or ())]
        r = eng(path, return_word_box=True)
        if r.txts is None or len(r.txts) == 0:
            return []
        toks = []
        for i, txt in enumerate(r.txts):
            words = r.word_results[i] if r.word_results and i < len(r.word_results) else None
            toks.append((txt, r.boxes[i].tolist(), float(r.scores[i]),
                         [(w[0], float(w[1]), [list(map(float, q)) for q in w[2]]) for w in words] if words else None))
        return toks
import numpy as np
from PIL import Image
warm = np.full((64, 256, 3), 255, np.uint8)
run(warm if rec_only else np.full((200, 200, 3), 255, np.uint8))   # load every model
load = time.process_time() - t0
res = []
for path in open(lst).read().split():
    t = time.process_time()
    toks = run(path)
    res.append({"tokens": toks, "cpu": time.process_time() - t})
json.dump({"load_cpu": load, "pages": res}, open(out, "w"), ensure_ascii=False, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o))
'''


def quad_box(q) -> list:
    xs = [p[0] for p in q]
    ys = [p[1] for p in q]
    return [min(xs), min(ys), max(xs), max(ys)]


def rapid_tokens(line_tokens: list) -> list:
    """Tokens of a RapidOCR page: each line's text with its box, and its per-character runs
    (digits and the rest) split where characters are apart."""
    out = []
    for txt, box, score, words in line_tokens:
        lb = quad_box(box)
        if not words:
            out.append((txt, lb, score))
            continue
        if all(len(w) == 4 and not isinstance(w[0], str) for w in words):
            # rapidocr_onnxruntime 1.4: one quad per character of the line, no text
            if len(words) != len(txt):
                out.append((txt, lb, score))
                continue
            words = [(ch, score, q) for ch, q in zip(txt, words)]
        run, rb, last = "", None, None
        for w, s, q in words:
            b = quad_box(q)
            h = max(b[3] - b[1], 1)
            if run and (b[0] - last[2] > 0.6 * h):
                out.append((run, rb, score))
                run, rb = "", None
            run += w
            rb = b if rb is None else [min(rb[0], b[0]), min(rb[1], b[1]), max(rb[2], b[2]), max(rb[3], b[3])]
            last = b
        if run:
            out.append((run, rb, score))
    return out


def run_rapid(py: str, kind: str, images: list, work: Path, reuse: bool = False) -> dict:
    """`reuse`: take the worker's output already in `work` (from an earlier run on the same
    pages); its CPU is then the worker's own per-page process time plus its load, and the
    peak RSS is unknown (0)."""
    lst, out = work / "list.txt", work / f"{kind}.json"
    if reuse and out.exists():
        r = json.loads(out.read_text())
        assert len(r["pages"]) == len(images), "reused output is for other pages"
        cpu, rss = r["load_cpu"] + sum(pg["cpu"] for pg in r["pages"]), 0
    else:
        lst.write_text("\n".join(map(str, images)) + "\n")
        p = subprocess.Popen([py, "-c", RAPID_WORKER, kind, str(lst), str(out)],
                             env={**os.environ, **ONE_THREAD}, stderr=subprocess.DEVNULL)
        cpu, rss = wait_usage(p)
        if p.returncode:
            raise SystemExit(f"{kind} worker failed ({p.returncode})")
        r = json.loads(out.read_text())
    if kind.endswith("-rec"):
        toks = [[(t[0], None, t[2]) for t in pg["tokens"]] for pg in r["pages"]]
    else:
        toks = [rapid_tokens(pg["tokens"]) for pg in r["pages"]]
    return {"tokens": toks, "cpu": cpu, "rss_kib": rss, "load_cpu": r["load_cpu"],
            "page_cpu": [pg["cpu"] for pg in r["pages"]]}


# ---------------------------------------------------------------------------------------
# Scoring

def numbers_of(tokens: list) -> list:
    """(number text, box) for every number in a page's tokens."""
    out = []
    for t, box, *_ in tokens:
        for m in NUM.finditer(t.translate(FULLWIDTH)):
            out.append((m.group(0).replace(",", ""), box))
    return out


def score_page(tokens: list, tr: dict) -> dict:
    nums = numbers_of(tokens)
    found = 0
    for cell in tr["cells"]:
        b = cell["box"]
        tol = 0.8 * (b[3] - b[1])
        grown = [b[0] - tol, b[1] - tol, b[2] + tol, b[3] + tol]
        if any(n == cell["text"] and inside((nb[0] + nb[2]) / 2, (nb[1] + nb[3]) / 2, grown)
               for n, nb in nums):
            found += 1
    in_region = lambda box: any(inside((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, r) for r in tr["regions"])
    got = Counter(n for n, nb in nums if in_region(nb))
    want = Counter(c["text"] for c in tr["cells"])
    chars = Counter()
    for t, box, *_ in tokens:
        if in_region(box):
            chars.update(CJK.findall(t))
    labels = Counter(tr["labels"])
    return {"cells": len(tr["cells"]), "at_place": found, "recovered": sum((got & want).values()),
            "label_chars": sum(labels.values()), "label_hit": sum((chars & labels).values()),
            "label_read": sum(chars.values())}


def crop_cells(pages: list, work: Path) -> list:
    """Each golden cell cropped alone from its page image: (crop path, expected text, style)."""
    out = []
    d = work / "cells"
    d.mkdir(exist_ok=True)
    for pg in pages:
        img = Image.open(pg["image"])
        for i, cell in enumerate(pg["truth"]["cells"]):
            x0, y0, x1, y1 = cell["box"]
            h = y1 - y0
            box = (int(x0 - 0.5 * h), int(y0 - 0.35 * h), int(x1 + 0.5 * h), int(y1 + 0.35 * h))
            p = d / f"{Path(pg['image']).stem}-{i}.png"
            img.crop(box).save(p)
            out.append((p, cell["text"], pg["style"]))
    return out


def digits_of(text: str) -> str:
    return re.sub(r"[^\d.\-]", "", text.translate(FULLWIDTH).replace(" ", ""))


# ---------------------------------------------------------------------------------------

def inspect(py: str) -> None:
    code = r'''
import json, os, glob, onnx, onnxruntime, rapidocr, rapidocr_onnxruntime
from pathlib import Path
out = {"onnxruntime": onnxruntime.__version__,
       "libonnxruntime": sorted(glob.glob(os.path.join(os.path.dirname(onnxruntime.__file__), "capi", "libonnxruntime*.so*"))),
       "models": []}
for pkg in (rapidocr_onnxruntime, rapidocr):
    for f in sorted(Path(pkg.__file__).parent.glob("models/*.onnx")):
        m = onnx.load(str(f))
        meta = {p.key: (p.value[:60] + "…" if len(p.value) > 60 else p.value) for p in m.metadata_props}
        chars = next((p.value for p in m.metadata_props if p.key == "character"), None)
        s = onnxruntime.InferenceSession(str(f), providers=["CPUExecutionProvider"])
        shape = lambda t: [d if isinstance(d, int) else str(d) for d in t.shape]
        out["models"].append({"path": str(f), "bytes": f.stat().st_size, "opset": [o.version for o in m.opset_import],
            "inputs": [(i.name, i.type, shape(i)) for i in s.get_inputs()],
            "outputs": [(o.name, o.type, shape(o)) for o in s.get_outputs()],
            "metadata_keys": sorted(meta), "dict_chars": len(chars.splitlines()) if chars else None})
for lib in out["libonnxruntime"]:
    out.setdefault("sizes", {})[lib] = os.path.getsize(lib)
print(json.dumps(out, ensure_ascii=False, indent=1))
'''
    subprocess.run([py, "-c", code], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default="/tmp/scan-matrix")
    ap.add_argument("--py", default=sys.executable, help="a Python with rapidocr, rapidocr_onnxruntime, onnx")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--cells", action="store_true", help="also read each golden cell cropped alone")
    ap.add_argument("--cell-engines", default=",".join(CELL_ENGINES))
    ap.add_argument("--pages-per-file", type=int, default=0,
                    help="only each file's N pages with the most table cells (0: every table page)")
    ap.add_argument("--work", help="keep page images, crops and engine outputs here")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse RapidOCR outputs already in --work (CPU from the worker's own clock, no RSS)")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--inspect", action="store_true", help="print the ONNX models' files, shapes, dictionaries")
    args = ap.parse_args()
    if args.inspect:
        inspect(args.py)
        return
    d = Path(args.dir)
    manifest = [m for m in json.loads((d / "manifest.json").read_text())["files"] if m["split"] == "tuned"]
    work = Path(args.work or tempfile.mkdtemp(prefix="ocr-engines-"))
    work.mkdir(parents=True, exist_ok=True)
    pages, sanity = [], []
    for m in manifest:
        cache = work / f"truth-{m['name']}.json"
        if cache.exists():
            tr = {int(k): v for k, v in json.loads(cache.read_text()).items()}
        else:
            tr = truth(m, work)
            cache.write_text(json.dumps(tr, ensure_ascii=False))
        want = golden_numbers(json.loads((d / m["golden"]).read_text()))
        got = Counter(c["text"] for t in tr.values() for c in t["cells"])
        sanity.append((m["name"], sum(want.values()), sum((got & want).values()), sum(got.values())))
        keep = sorted(tr, key=lambda p: -len(tr[p]["cells"]))[:args.pages_per_file or None]
        for page, t in sorted((p, tr[p]) for p in keep):
            img = work / f"{m['name']}-p{page}.png"
            if not img.exists():
                subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", str(page),
                                "-l", str(page), str(d / m["pdf"]), str(img.with_suffix(""))], check=True)
            pages.append({"name": m["name"], "page": page, "style": m["style"], "image": str(img), "truth": t})
    print("truth: golden table numbers / found on the source's table regions / words taken as cells")
    for s in sanity:
        print(f"  {s[0]}: {s[1]} / {s[2]} / {s[3]}")
    images = [p["image"] for p in pages]
    results = {"pages": len(pages), "engines": {}, "cells": {}}
    for eng in args.engines.split(","):
        t0 = time.time()
        if eng.startswith("tess"):
            psm = eng.split("psm")[1]
            r = run_tesseract(images, ["-l", "chi_sim", "--psm", psm, "--dpi", "300"], work)
        else:
            r = run_rapid(args.py, eng, images, work, args.reuse)
        per_style = defaultdict(Counter)
        for pg, toks in zip(pages, r["tokens"]):
            s = score_page(toks, pg["truth"])
            per_style[pg["style"]].update(s)
            per_style["all"].update(s)
            per_style[pg["style"]]["pages"] += 1
            per_style["all"]["pages"] += 1
        results["engines"][eng] = {"cpu": r["cpu"], "cpu_per_page": r["cpu"] / len(pages),
                                   "load_cpu": r["load_cpu"], "rss_mib": r["rss_kib"] / 1024,
                                   "wall": time.time() - t0, "by_style": {k: dict(v) for k, v in per_style.items()}}
        a = per_style["all"]
        print(f"{eng}: {r['cpu'] / len(pages):.2f} CPU s/page (load {r['load_cpu']:.2f} s), "
              f"peak RSS {r['rss_kib'] / 1024:.0f} MiB; cells at place {a['at_place']}/{a['cells']} "
              f"({100 * a['at_place'] / a['cells']:.1f} %), numbers recovered {a['recovered']}/{a['cells']}, "
              f"label chars recall {100 * a['label_hit'] / max(a['label_chars'], 1):.1f} % "
              f"precision {100 * a['label_hit'] / max(a['label_read'], 1):.1f} %", flush=True)
        if args.json:   # after each engine, so a long run keeps what it has measured
            Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    if args.cells:
        crops = crop_cells(pages, work)
        paths = [c[0] for c in crops]
        for eng in args.cell_engines.split(","):
            if eng == "tess-eng-digits":
                r = run_tesseract(paths, ["-l", "eng", "--psm", "7", "-c",
                                          "tessedit_char_whitelist=0123456789.-"], work)
            elif eng == "tess-chi-psm7":
                r = run_tesseract(paths, ["-l", "chi_sim", "--psm", "7"], work)
            else:
                r = run_rapid(args.py, eng, paths, work, args.reuse)
            per_style = defaultdict(Counter)
            for (p, want, style), toks in zip(crops, r["tokens"]):
                got = digits_of("".join(t[0] for t in toks))
                for k in (style, "all"):
                    per_style[k]["cells"] += 1
                    per_style[k]["right"] += got == want
            a = per_style["all"]
            results["cells"][eng] = {"cpu": r["cpu"], "ms_per_cell": 1000 * r["cpu"] / len(paths),
                                     "load_cpu": r["load_cpu"], "rss_mib": r["rss_kib"] / 1024,
                                     "by_style": {k: dict(v) for k, v in per_style.items()}}
            print(f"cells alone, {eng}: {a['right']}/{a['cells']} ({100 * a['right'] / a['cells']:.1f} %), "
                  f"{1000 * (r['cpu'] - r['load_cpu']) / len(paths):.1f} CPU ms/cell after a load of "
                  f"{r['load_cpu']:.2f} s, peak RSS {r['rss_kib'] / 1024:.0f} MiB", flush=True)
            if args.json:
                Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
