#!/usr/bin/env python3
"""Seeds fuzz/corpus/content/ for the `content` target: every FlateDecode stream of the sample
PDFs up to 64 KB, inflated (content streams, ToUnicode CMaps) and as its raw zlib bytes."""
import glob
import hashlib
import os
import re
import zlib

root = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(root, "corpus", "content")
os.makedirs(out, exist_ok=True)
count = 0
for path in sorted(glob.glob(os.path.join(root, "..", "samples", "*.pdf"))):
    data = open(path, "rb").read()
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = m.group(1)
        try:
            plain = zlib.decompress(raw)
        except zlib.error:
            continue
        for blob in (plain, raw):
            if len(blob) <= 65536:
                name = hashlib.sha1(blob).hexdigest()[:16]
                with open(os.path.join(out, name), "wb") as f:
                    f.write(blob)
                count += 1
print(f"{count} seeds in {out}")
