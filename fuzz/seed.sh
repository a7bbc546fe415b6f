#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from samples/ (run from anywhere; safe to rerun).
# Corpora are not committed (fuzz/.gitignore).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
samples="$here/../samples"
mkdir -p "$here/corpus/pdf" "$here/corpus/text" "$here/corpus/html" "$here/corpus/layout" \
  "$here/corpus/docx" "$here/corpus/docx_xml"
# The sample PDFs, without the embedded fonts govreport never reads (examples/shrink_pdf.rs);
# copied whole if that cannot be built or a sample cannot be rewritten.
shrink=(cargo run -q --release --manifest-path "$here/Cargo.toml" --example shrink_pdf --)
echo "building examples/shrink_pdf (first run only)..."
rc=0; "${shrink[@]}" 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || { echo "shrink_pdf unavailable: copying the samples whole"; shrink=(false); }
for f in "$samples"/*.pdf; do
  out="$here/corpus/pdf/$(basename "$f")"
  case "$f" in
    *encrypted*) cp "$f" "$out" ;; # rewriting would drop the encryption
    *) "${shrink[@]}" "$f" "$out" 2>/dev/null || cp "$f" "$out" ;;
  esac
done
cp "$samples"/*.txt "$here/corpus/text/"
cp "$samples"/*.html "$here/corpus/html/"
# the .docx samples whole, and their document, numbering and styles parts as XML seeds
cp "$samples"/*.docx "$here/corpus/docx/"
for f in "$samples"/*.docx; do
  for part in document numbering styles; do
    unzip -p "$f" "word/$part.xml" > "$here/corpus/docx_xml/$(basename "$f" .docx)-$part.xml" 2>/dev/null || true
  done
done
find "$here/corpus/docx_xml" -size 0 -delete
# A few tiny PDFs: one page of text, a form XObject, a Type0 font with a ToUnicode CMap,
# and a broken xref, so mutations start close to the interesting code.
pdf() { # name, page content, extra objects (from 5 0 obj on)
  printf '%%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources <</Font <</F1 5 0 R/F2 6 0 R>>/XObject <</X1 8 0 R>>>>>> endobj\n4 0 obj <</Length %d>> stream\n%s\nendstream endobj\n%s\ntrailer <</Root 1 0 R>>\n%%%%EOF\n' \
    "${#2}" "$2" "$3" > "$here/corpus/pdf/$1"
}
fonts='5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding/FirstChar 32/Widths[278 278 355]>> endobj
6 0 obj <</Type/Font/Subtype/Type0/BaseFont/X/Encoding/Identity-H/DescendantFonts[7 0 R]/ToUnicode 9 0 R>> endobj
7 0 obj <</Type/Font/Subtype/CIDFontType2/DW 1000/W[1 [500 600] 10 20 700]>> endobj
8 0 obj <</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Matrix[1 0 0 1 10 10]/Length 35>> stream
BT /F1 10 Tf 50 700 Td (form) Tj ET
endstream endobj
9 0 obj <</Length 261>> stream
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /X def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <4E2D>
<0002> <6587>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
endstream endobj'
pdf tiny-text.pdf 'BT /F1 12 Tf 72 700 Td (2023 Annual Report) Tj ET 50 600 m 500 600 l S 50 500 450 1 re f' "$fonts"
pdf tiny-type0.pdf 'BT /F2 12 Tf 72 700 Td <00010002> Tj [<0001> -500 <0002>] TJ 0 -14 TD (x) Tj T* (y) Tj ET /X1 Do' "$fonts"
pdf tiny-vertical.pdf 'q 0 1 -1 0 300 300 cm BT /F2 12 Tf 3 Tr 1 0 0 1 100 100 Tm 2 Tc 3 Tw 90 Tz 5 Ts <0001> Tj ET Q' \
  "${fonts/Identity-H/Identity-V}"
# A page image drawn inline (BI … ID … EI) under invisible text, plain and filtered.
pdf tiny-inline.pdf 'q 595 0 0 842 0 0 cm BI /W 2 /H 1 /CS /G /BPC 8 ID zz EI Q 3 Tr BT /F1 12 Tf 72 700 Td (12 34) Tj ET' "$fonts"
pdf tiny-inline-dct.pdf 'q 595 0 0 842 0 0 cm BI /W 8 /H 8 /CS /G /BPC 8 /F /DCT ID zzzz EI Q' "$fonts"
printf '%%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/Contents 4 0 R>> endobj\n4 0 obj <</Length 30>> stream\nBT /F9 12 Tf 9 9 Td (ab) Tj ET\nendstream endobj\nxref\n0 1\n0000000000 65535 f \ntrailer <</Root 1 0 R/Size 9>>\nstartxref\n99999\n%%%%EOF\n' \
  > "$here/corpus/pdf/tiny-bad-xref.pdf"
# Text seeds in the other encodings the decoder detects.
if command -v iconv >/dev/null; then
  iconv -f UTF-8 -t UTF-16 "$samples/chengbei-2023-poor.txt" > "$here/corpus/text/chengbei-utf16.txt" || true
fi
printf '一、总体情况\n\t第二十条\t信息内容\n规章\t0  5 现行\t\t7\n- 3 -\n' > "$here/corpus/text/tiny.txt"
# layout: a few records of table-ish glyphs (see fuzz_targets/layout.rs for the format).
printf '\x00\x00\x10\x00\x20\x50\x50\x00\x01\x00\x11\x00\x20\x50\x50\x00\xf1\x00\x12\x00\x1f\x10\x00\x00\x02\x00\x30\x00\x20\x50\x50\x80' \
  > "$here/corpus/layout/seed"
for t in pdf text html layout; do echo "corpus/$t: $(ls "$here/corpus/$t" | wc -l) files"; done
