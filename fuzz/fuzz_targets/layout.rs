//! Bytes → positioned glyphs and ruling lines → `layout::lines` → every parser: the PDF
//! path after the content interpreter, with coordinates the PDF target rarely reaches
//! (overlaps, negative sizes, NaN and infinities).
//!
//! Input: 8-byte records. Byte 0 < 0xF0: a glyph; byte 0 is an index into `ALPHABET`,
//! bytes 1–2 x, 3–4 y, 5 size, 6 width, 7 flags. Byte 0 ≥ 0xF0: a ruling line from
//! (bytes 1–2, 3–4) of length byte 5 × 4, vertical when byte 0 is odd. Flag bit 0x80 puts
//! the record on the next page; flags 0x40 / 0x20 turn x / size into a non-finite value.
#![no_main]

use govreport_document::layout::{self, Glyph, PageLayer, Rule};
use govreport_model::record::{Record, Source};
use govreport_parse::report;
use libfuzzer_sys::fuzz_target;

/// Characters the table and narrative parsers look for, digits, and some separators.
const ALPHABET: &str = "0123456789.-—－,，（）()《》、：:年月日第一二三四五六七八九十条件项个次\
表格信息公开政府主动申请人情况本年新收结转上办理果予以部分不全复议诉讼维持纠正其他总计\
自然法或非组织商业企业科研机构社会公益律师事务所行政许可处罚强制事业性收费规章规范性文件\
制定废止现行有效数量金额万元结审未经后起诉区县市局报告度工作要点动态问题改进措施\
 \u{3000}\u{FFFD}⼈⺠AaZz%/";

fn f16(b: &[u8]) -> f32 {
    u16::from_le_bytes([b[0], b[1]]) as f32 / 64.0
}

fuzz_target!(|data: &[u8]| {
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    let mut pages = vec![PageLayer::new(1, 595.0, 842.0, Vec::new(), Vec::new())];
    for r in data.chunks_exact(8).take(20_000) {
        if r[7] & 0x80 != 0 && pages.len() < 8 {
            let n = pages.len() as u32 + 1;
            pages.push(PageLayer::new(n, 595.0, 842.0, Vec::new(), Vec::new()));
        }
        let page = pages.last_mut().expect("one page");
        let (x, y) = (f16(&r[1..3]), f16(&r[3..5]));
        if r[0] >= 0xF0 {
            let len = r[5] as f32 * 4.0;
            let rule = if r[0] & 1 == 1 {
                Rule {
                    x0: x,
                    y0: y,
                    x1: x,
                    y1: y + len,
                }
            } else {
                Rule {
                    x0: x,
                    y0: y,
                    x1: x + len,
                    y1: y,
                }
            };
            page.rules.push(rule);
            continue;
        }
        let ch = alphabet[r[0] as usize % alphabet.len()];
        let x = if r[7] & 0x40 != 0 { special(r[6]) } else { x };
        let size = if r[7] & 0x20 != 0 {
            special(r[5])
        } else {
            r[5] as f32 / 8.0
        };
        let width = (r[6] as f32 / 16.0) * if r[7] & 0x10 != 0 { -1.0 } else { 1.0 };
        page.glyphs.push(Glyph::new(ch, x, y, size, width));
    }
    let lines: Vec<_> = pages.iter().flat_map(layout::lines).collect();
    let lines = govreport_document::without_page_numbers(lines);
    let _ = layout::render(&lines);
    let mut record = Record::new(Source::default());
    let _ = report::fill(&mut record, &lines);
});

fn special(b: u8) -> f32 {
    match b % 4 {
        0 => f32::NAN,
        1 => f32::INFINITY,
        2 => f32::NEG_INFINITY,
        _ => -(b as f32),
    }
}
