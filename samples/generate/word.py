"""The Word-processor samples (samples/*.docx, .doc, .odt, .rtf) and their goldens.

    python3 samples/generate/word.py            # all of them
    python3 samples/generate/word.py --keep /tmp/w

Producers: python-docx (render_docx.py, as the PDF samples' source documents), LibreOffice's
own .docx, .doc (Word 97), .odt and .rtf export of such a document, and a .docx written by
hand (docx_handmade.py) with the markup python-docx never writes. Goldens come from
model.py's data (Report.golden), never from an extractor. Each sample's text is checked
independently: LibreOffice converts it to plain text, which must hold the title, every
policy title and every narrative sentence.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import docx_handmade  # noqa: E402
import model  # noqa: E402
import render_docx  # noqa: E402

ROOT = HERE.parent.parent
SAMPLES, GOLDEN = ROOT / "samples", ROOT / "golden"

# stem, report key, producer, format. "LibreOffice … export" samples are written by
# LibreOffice from its own reading of the python-docx document saved as .odt (so the
# markup is LibreOffice's), or straight from the hand-written .docx.
PLAN = [
    ("tongshan-2022-word", "tongshan-2022", "python-docx", "docx"),
    ("nanhu-2023-handmade", "nanhu-2023", "hand-written WordprocessingML", "docx"),
    ("xishan-2020-lo", "xishan-2020", "LibreOffice .docx export", "docx"),
    ("fengling-2021-lo", "fengling-2021", "LibreOffice Word 97 export", "doc"),
    ("qingyuan-2024-handmade-lo", "qingyuan-2024", "LibreOffice Word 97 export of the hand-written .docx", "doc"),
    ("dongpu-2025-lo", "dongpu-2025", "LibreOffice .odt export", "odt"),
    ("yunshan-2019-lo", "yunshan-2019", "LibreOffice .rtf export", "rtf"),
]

FILTERS = {"docx": "docx:MS Word 2007 XML", "doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf",
           "txt": "txt:Text (encoded):UTF8"}


def soffice(src: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    exe = shutil.which("soffice")
    if not exe:
        raise SystemExit("missing tool: soffice (apt-get install libreoffice-writer-nogui)")
    r = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", FILTERS[fmt], "--outdir", str(outdir), str(src)],
                       capture_output=True, text=True)
    out = outdir / f"{src.stem}.{fmt}"
    if r.returncode != 0 or not out.exists():
        raise SystemExit(f"soffice failed on {src}: {r.stderr[-1000:]}")
    return out


def strip_ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


def verify(sample: Path, rep: model.Report, work: Path, profile: Path) -> list[str]:
    """What LibreOffice's plain-text export of the sample lacks of the report's text. The
    export leaves out text boxes and keeps tracked deletions, so for the hand-made sample
    the text box's sentence (the introduction) is not looked for, and the deletion must be
    there (then it is removed before the other texts are looked for)."""
    d = work / "verify"
    d.mkdir(exist_ok=True)
    flat = strip_ws(soffice(sample, "txt", d, profile).read_text(encoding="utf-8-sig"))
    needles = [rep.title] + [p["title"] for p in rep.narr.policies] + rep.narr.texts
    handmade = "handmade" in sample.stem
    if handmade:
        intro = strip_ws(next(b.text for b in rep.blocks if b.kind == "para"))
        needles = [n for n in needles if strip_ws(n) not in intro]
    deleted = "（已于2001年2月3日删除9条）"
    problems = []
    if handmade and deleted not in flat:
        problems.append("the tracked deletion is not in the file")
    flat = flat.replace(deleted, "")
    return problems + [f"lacks {n!r}" for n in needles if strip_ws(n) not in flat]


def generate(keep: str | None = None) -> None:
    """Writes the Word samples, their goldens and their manifest entries."""
    work = Path(keep or tempfile.mkdtemp(prefix="govreport-word-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    profile = work / "lo-profile"
    reports = model.all_reports()
    ok, entries = True, []
    for stem, key, producer, fmt in PLAN:
        rep = reports[key]
        src = work / f"{stem}.docx"
        handmade = "hand-written" in producer
        if handmade:
            docx_handmade.render(rep, str(src))
        else:
            render_docx.render(rep, str(src))
        if not producer.startswith("LibreOffice"):
            out = src
        elif handmade:
            out = soffice(src, fmt, work / "lo", profile)
        else:   # LibreOffice writes the target from its own reading of an .odt
            odt = soffice(src, "odt", work / "odt", profile)
            out = odt if fmt == "odt" else soffice(odt, fmt, work / "lo", profile)
        dst = SAMPLES / f"{stem}.{fmt}"
        shutil.copyfile(out, dst)
        gold = rep.golden(fmt, None)
        (GOLDEN / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
        entries.append({"file": f"samples/{dst.name}", "golden": f"golden/{stem}.json", "report": key,
                        "agency": rep.spec.agency, "year": rep.spec.year, "producer": producer,
                        "features": [f"word-{fmt}"] + (FEATURES if handmade else [])})
        problems = verify(dst, rep, work, profile)
        if problems:
            ok = False
            print(f"WARNING {dst.name}: " + "; ".join(problems), file=sys.stderr)
        print(f"{dst.name:32s} {producer:32s} {dst.stat().st_size:7d} bytes")
    man_path = HERE / "manifest.json"
    manifest = json.loads(man_path.read_text(encoding="utf-8"))
    ours = {e["file"] for e in entries}
    manifest["samples"] = [m for m in manifest["samples"] if m["file"] not in ours] + entries
    man_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    if not ok:
        raise SystemExit("some self-checks failed (see warnings)")


FEATURES = ["docx-gridspan-vmerge", "docx-table-split-by-page-break", "docx-nested-layout-table",
            "docx-text-box-with-fallback", "docx-runs-cut-mid-word", "docx-hyperlink", "docx-fields",
            "docx-tracked-changes", "docx-soft-line-breaks"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="keep intermediate files in this folder")
    generate(ap.parse_args().keep)


if __name__ == "__main__":
    main()
