#!/usr/bin/env python3
"""Writes a valid PDF with one empty page and N tiny unused objects (a correct xref).

Usage: python3 bench/many_objects.py N OUT.pdf
The same shape as tests/memory.rs builds: a file that is large only in its object count.
"""
import sys


def main() -> None:
    n, out = int(sys.argv[1]), sys.argv[2]
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    offsets = []
    with open(out, "wb") as f:
        pos = f.write(b"%PDF-1.4\n")
        for i in range(1, n + 4):
            body = head[i - 1] if i <= 3 else b"<< /Filler %d /Kind /Unused >>" % i
            offsets.append(pos)
            pos += f.write(b"%d 0 obj\n%s\nendobj\n" % (i, body))
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (n + 4))
        f.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
        f.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n + 4, pos))


if __name__ == "__main__":
    main()
