use std::io::Write;
use std::time::{Duration, Instant};

use super::numbering::{Numbering, number};
use super::xml::{Block, MAX_DEPTH, Merge, Para, Row, TableCell, XmlError, body};
use super::*;
use crate::html::dom::Span;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn later() -> Instant {
    Instant::now() + Duration::from_secs(60)
}

fn blocks(inner: &str) -> Vec<Block> {
    body(
        &format!("<w:document {W}><w:body>{inner}</w:body></w:document>"),
        later(),
    )
    .unwrap()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx(inner: &str) -> Vec<u8> {
    let xml = format!("<w:document {W}><w:body>{inner}</w:body></w:document>");
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

fn texts(lines: &[govreport_document::layout::Line]) -> Vec<String> {
    lines.iter().map(|l| l.text()).collect()
}

fn para(text: &str) -> Block {
    Block::Para(Para {
        lines: vec![text.into()],
        ..Para::default()
    })
}

fn texts_of(blocks: &[Block]) -> Vec<Vec<String>> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => p.lines.clone(),
            Block::Table(_) => vec!["<table>".into()],
        })
        .collect()
}

#[test]
fn runs_are_joined_and_hyperlinks_fields_and_insertions_kept() {
    let got = blocks(
        r#"<w:p><w:r><w:t>全年新收</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>申请</w:t></w:r>
           <w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">4215</w:t></w:r></w:hyperlink>
           <w:ins w:id="1"><w:r><w:t>件</w:t></w:r></w:ins>
           <w:fldSimple w:instr=" PAGE "><w:r><w:t>，</w:t></w:r></w:fldSimple>
           <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE 2001 </w:instrText></w:r>
           <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>A&amp;B&#x4E00;</w:t></w:r>
           <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
    );
    assert_eq!(texts_of(&got), vec![vec!["全年新收申请4215件，A&B一"]]);
}

#[test]
fn tracked_deletions_are_dropped_and_soft_breaks_start_lines() {
    let got = blocks(
        r#"<w:p><w:r><w:t>南湖区人民政府</w:t></w:r><w:del w:id="2"><w:r><w:delText>旧</w:delText></w:r></w:del>
           <w:r><w:br/><w:t>2023年报告</w:t><w:tab/><w:t>一</w:t></w:r></w:p>"#,
    );
    assert_eq!(
        texts_of(&got),
        vec![vec!["南湖区人民政府", "2023年报告 一"]]
    );
}

#[test]
fn a_text_box_follows_its_paragraph_once_without_its_fallback_copy() {
    let got = blocks(
        r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
           <w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
           <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
           </mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>后</w:t></w:r></w:p>"#,
    );
    assert_eq!(texts_of(&got), vec![vec!["前"], vec!["框内"], vec!["后"]]);
}

fn tc(text: &str, span: usize, merge: Merge) -> TableCell {
    TableCell {
        span,
        merge,
        blocks: vec![para(text)],
    }
}

#[test]
fn cell_properties_are_read() {
    let got = blocks(
        r#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>
           <w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>
           <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
    );
    let Block::Table(rows) = &got[0] else {
        panic!("{got:?}")
    };
    assert_eq!(rows[0].before, 1);
    assert_eq!(rows[0].cells[0], tc("a", 2, Merge::Restart));
    assert_eq!(rows[1].cells[0].merge, Merge::Continue);
    let wide = blocks(
        r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
    );
    let Block::Table(rows) = &wide[0] else {
        panic!("{wide:?}")
    };
    assert_eq!(rows[0].cells[0].span, 63, "Word's limit bounds the grid");
}

fn span(rowspan: usize, colspan: usize, text: &str) -> Span {
    Span {
        rowspan,
        colspan,
        text: text.into(),
    }
}

#[test]
fn a_vertical_merge_spans_down_over_its_continuations_which_are_left_out() {
    // 三、本年度办理结果 | （一）予以公开 | 5
    //  (continue)       | （二）部分公开 | 2
    let rows = vec![
        Row {
            before: 0,
            cells: vec![
                tc("三、本年度办理结果", 1, Merge::Restart),
                tc("（一）予以公开", 1, Merge::No),
                tc("5", 1, Merge::No),
            ],
        },
        Row {
            before: 0,
            cells: vec![
                tc("", 1, Merge::Continue),
                tc("（二）部分公开", 1, Merge::No),
                tc("2", 1, Merge::No),
            ],
        },
    ];
    let got = lines::spans(&rows);
    assert_eq!(got[0][0], span(2, 1, "三、本年度办理结果"));
    assert_eq!(got[1], vec![span(1, 1, "（二）部分公开"), span(1, 1, "2")]);
    let placed = crate::html::dom::place(got);
    assert_eq!(
        placed[1][0].x0, placed[0][1].x0,
        "the label lands in column 1"
    );
}

#[test]
fn grid_spans_and_grid_before_shift_the_cells_right() {
    let rows = vec![
        Row {
            before: 0,
            cells: vec![tc("申请人情况", 3, Merge::No)],
        },
        Row {
            before: 1,
            cells: vec![tc("法人", 2, Merge::Restart)],
        },
        Row {
            before: 1,
            cells: vec![tc("", 2, Merge::Continue)],
        },
    ];
    let got = lines::spans(&rows);
    assert_eq!(got[0], vec![span(1, 3, "申请人情况")]);
    assert_eq!(got[1], vec![span(1, 1, ""), span(2, 2, "法人")]);
    assert_eq!(got[2], vec![span(1, 1, "")]);
}

#[test]
fn a_table_split_by_a_page_break_starts_on_a_continuation() {
    let rows = vec![Row {
        before: 0,
        cells: vec![tc("", 1, Merge::Continue), tc("7", 1, Merge::No)],
    }];
    assert_eq!(
        lines::spans(&rows)[0],
        vec![span(1, 1, ""), span(1, 1, "7")]
    );
}

#[test]
fn data_tables_become_rows_and_layout_tables_blocks() {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell("行政许可"),
        cell("3503")
    );
    let outer = format!(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第二十条</w:t></w:r></w:p>{inner}</w:tc></w:tr></w:tbl>"
    );
    let lines = read(&docx(&outer), 1 << 20, later()).unwrap();
    assert_eq!(texts(&lines), vec!["第二十条", "行政许可 3503"]);
    assert_eq!(lines[1].cells.len(), 2);
}

#[test]
fn nesting_past_the_limit_is_refused_without_recursing() {
    let deep = "<w:sdt>".repeat(100_000) + &"</w:sdt>".repeat(100_000);
    let xml = format!("<w:document {W}><w:body>{deep}</w:body></w:document>");
    assert_eq!(body(&xml, later()), Err(XmlError::TooDeep));
    let ok = "<w:sdt>".repeat(MAX_DEPTH - 3) + &"</w:sdt>".repeat(MAX_DEPTH - 3);
    assert!(blocks(&ok).is_empty());
}

#[test]
fn a_part_inflating_past_the_limit_is_refused_even_when_its_header_says_small() {
    let big = vec![b' '; 3 << 20];
    let bytes = zip_of(&[("word/document.xml", &big)]);
    assert!(matches!(
        read(&bytes, 1 << 20, later()),
        Err(DocxError::TooLarge(_))
    ));
    // the central directory's uncompressed size (offset 24 of its entry) says 100 bytes
    let mut lying = bytes.clone();
    let cd = lying.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    lying[cd + 24..cd + 28].copy_from_slice(&100u32.to_le_bytes());
    assert!(read(&lying, 1 << 20, later()).is_err());
}

#[test]
fn broken_and_foreign_archives_are_named() {
    assert!(matches!(
        read(b"PK\x03\x04garbage", 1 << 20, later()),
        Err(DocxError::Damaged(_))
    ));
    let odt = zip_of(&[("content.xml", b"<office:document-content/>")]);
    assert!(matches!(
        read(&odt, 1 << 20, later()),
        Err(DocxError::NotWord(_))
    ));
    let cut = docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    assert!(read(&cut[..cut.len() / 2], 1 << 20, later()).is_err());
}

#[test]
fn content_decides_the_format() {
    assert_eq!(
        by_content(b"PK\x03\x04rest", Some(Format::Doc)),
        Some(Format::Docx)
    );
    let odt =
        b"PK\x03\x04..........................mimetypeapplication/vnd.oasis.opendocument.text";
    assert_eq!(by_content(odt, None), Some(Format::Odt));
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
    assert_eq!(by_content(&ole, Some(Format::Wps)), Some(Format::Wps));
    assert_eq!(by_content(&ole, Some(Format::Rtf)), Some(Format::Doc));
    assert_eq!(by_content(b"{\\rtf1\\ansi", None), Some(Format::Rtf));
    assert_eq!(by_content(b"%PDF-1.7", Some(Format::Doc)), None);
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

const STYLES: &str = r#"<w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="Heading1">
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#;

#[test]
fn list_labels_are_computed_in_document_order() {
    let mut got = blocks(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>主动公开</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>依申请公开</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>细项</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>要点</w:t></w:r></w:p>
           <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>无编号</w:t></w:r></w:p>
           <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>主动公开政府信息情况</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>重新编号</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>接着</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>从一重新开始</w:t></w:r></w:p>
           <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>再接着</w:t></w:r></w:p>"#,
    );
    Numbering::read(NUMBERING, STYLES).apply(&mut got);
    let lines: Vec<String> = texts_of(&got).into_iter().map(|l| tidy_join(&l)).collect();
    assert_eq!(
        lines,
        vec![
            "一、总体情况",
            "（一）主动公开",
            "（二）依申请公开",
            "一.1. 细项", // Word writes each level in its own format unless w:isLgl
            "要点",
            "无编号",
            "二、主动公开政府信息情况",
            "（一）重新编号",
            "（二）接着",
            "（一）从一重新开始",
            "（二）再接着",
        ]
    );
}

fn tidy_join(lines: &[String]) -> String {
    crate::html::dom::tidy(&lines.join(" "))
}

#[test]
fn numbers_are_written_in_their_formats() {
    let cases = [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (20, "japaneseCounting", "二十"),
        (35, "chineseCounting", "三十五"),
        (105, "chineseCounting", "一百零五"),
        (3, "ideographTraditional", "丙"),
        (2, "decimalEnclosedCircleChinese", "②"),
        (12, "decimalFullWidth", "１２"),
        (4, "lowerRoman", "iv"),
        (28, "upperLetter", "BB"),
        (7, "decimalZero", "07"),
        (7, "someNewFormat", "7"),
    ];
    for (n, format, want) in cases {
        assert_eq!(number(n, format), want, "{n} {format}");
    }
}

#[test]
fn a_password_protected_docx_fails_as_encrypted_before_any_conversion() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0; 100]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let err = read_any(&ole, Format::Doc, &Limits::default(), later()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Encrypted);
}
