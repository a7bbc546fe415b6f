//! List numbering: the labels Word draws before numbered paragraphs (`一、`, `（一）`,
//! `1.`) are not in the text but in `word/numbering.xml`; they are computed here, in
//! document order, and put in front of each numbered paragraph's text.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml::{Block, Para, attr, val};

/// One list level's definition.
#[derive(Debug, Clone, PartialEq)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// The lists a document defines, and the paragraph styles that number their paragraphs.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Abstract list id → its levels, by `w:ilvl`.
    abstracts: HashMap<String, HashMap<usize, Level>>,
    /// `w:numId` → its abstract list id and its start overrides (level, start).
    nums: HashMap<String, (String, Vec<(usize, u32)>)>,
    /// Paragraph style id → (`w:numId`, level).
    styles: HashMap<String, (String, usize)>,
}

/// Deepest list level Word has (0–8).
const LEVELS: usize = 9;

/// The counts so far, per abstract list (lists sharing one count on), and the lists used.
#[derive(Default)]
struct Counts {
    by_abstract: HashMap<String, [u32; LEVELS]>,
    used: HashSet<String>,
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (either may be empty); a part that
    /// is not well-formed numbers nothing past its error.
    pub fn read(numbering: &str, styles: &str) -> Numbering {
        let mut out = Numbering::default();
        out.read_lists(numbering);
        let (mut style, mut level) = (None, 0);
        for (name, e) in elements(styles) {
            match name.as_str() {
                "style" => (style, level) = (attr(&e, b"styleId"), 0),
                "ilvl" => level = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0),
                "numId" => {
                    if let (Some(s), Some(n)) = (&style, val(&e)) {
                        out.styles.insert(s.clone(), (n, level));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The abstract lists' levels, and each list's abstract list and start overrides.
    fn read_lists(&mut self, numbering: &str) {
        let (mut abs, mut num, mut lvl) = (None, None::<String>, 0usize);
        for (name, e) in elements(numbering) {
            let level_attr = || attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
            match name.as_str() {
                "abstractNum" => abs = attr(&e, b"abstractNumId"),
                "num" => num = attr(&e, b"numId"),
                "lvl" | "lvlOverride" => lvl = level_attr(),
                "abstractNumId" => {
                    if let (Some(n), Some(v)) = (&num, val(&e)) {
                        self.nums.entry(n.clone()).or_default().0 = v;
                    }
                }
                "startOverride" => {
                    if let (Some(n), Some(v)) = (&num, val(&e).and_then(|v| v.parse().ok())) {
                        self.nums.entry(n.clone()).or_default().1.push((lvl, v));
                    }
                }
                "start" | "numFmt" | "lvlText" if num.is_none() => {
                    let levels = self.abstracts.entry(abs.clone().unwrap_or_default());
                    let level = levels.or_default().entry(lvl).or_insert(Level {
                        start: 1,
                        format: "decimal".into(),
                        text: String::new(),
                    });
                    let v = val(&e).unwrap_or_default();
                    match name.as_str() {
                        "start" => level.start = v.parse().unwrap_or(1),
                        "numFmt" => level.format = v,
                        _ => level.text = v,
                    }
                }
                _ => {}
            }
        }
    }

    /// Puts each numbered paragraph's label in front of its text, counting in document
    /// order (a level's count restarts when a higher level of its list advances, or where
    /// a list's `w:startOverride` says, at its first paragraph).
    pub fn apply(&self, blocks: &mut [Block]) {
        self.walk(blocks, &mut Counts::default());
    }

    fn walk(&self, blocks: &mut [Block], counts: &mut Counts) {
        for block in blocks {
            match block {
                Block::Para(p) => self.label(p, counts),
                Block::Table(rows) => {
                    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                        self.walk(&mut cell.blocks, counts);
                    }
                }
            }
        }
    }

    fn label(&self, p: &mut Para, counts: &mut Counts) {
        let styled = p.style.as_ref().and_then(|s| self.styles.get(s));
        let Some(num) = p.num_id.as_ref().or(styled.map(|s| &s.0)) else {
            return;
        };
        let level = p.level.or(styled.map(|s| s.1)).unwrap_or(0).min(LEVELS - 1);
        let Some((abs, overrides)) = self.nums.get(num) else {
            return;
        };
        let Some(levels) = self.abstracts.get(abs) else {
            return;
        };
        let count = counts.by_abstract.entry(abs.clone()).or_insert([0; LEVELS]);
        if counts.used.insert(num.clone()) {
            for &(l, start) in overrides.iter().filter(|(l, _)| *l < LEVELS) {
                count[l] = start.saturating_sub(1);
            }
        }
        let start = |l: usize| levels.get(&l).map_or(1, |d| d.start);
        count[level] = if count[level] == 0 {
            start(level)
        } else {
            count[level] + 1
        };
        for c in count.iter_mut().skip(level + 1) {
            *c = 0;
        }
        let Some(def) = levels.get(&level) else {
            return;
        };
        if matches!(def.format.as_str(), "bullet" | "none") {
            return;
        }
        let mut label = def.text.clone();
        for l in (0..=level).rev() {
            let n = if count[l] == 0 { start(l) } else { count[l] };
            let format = levels.get(&l).map_or("decimal", |d| d.format.as_str());
            label = label.replace(&format!("%{}", l + 1), &number(n, format));
        }
        if let Some(first) = p.lines.first_mut() {
            first.insert_str(0, &format!("{label} "));
        }
    }
}

/// Every element start of a part, with its local name (the parse stops at an error).
fn elements(xml: &str) -> Vec<(String, quick_xml::events::BytesStart<'_>)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                out.push((name, e));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// `n` written in a `w:numFmt` format; unknown formats are written as decimals.
pub fn number(n: u32, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const HEAVENLY: &str = "甲乙丙丁戊己庚辛壬癸";
    let nth = |set: &str| set.chars().nth(n.saturating_sub(1) as usize);
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n),
        "ideographTraditional" => nth(HEAVENLY).map_or_else(|| n.to_string(), String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            nth(CIRCLED).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" | "lowerLetter" => {
            let letter = (b'A' + ((n.max(1) - 1) % 26) as u8) as char;
            let s = letter
                .to_string()
                .repeat(((n.max(1) - 1) / 26 + 1) as usize);
            if format == "upperLetter" {
                s
            } else {
                s.to_lowercase()
            }
        }
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the counting form Word uses).
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].into(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => {
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            };
            format!("{}十{ones}", DIGITS[(n / 10) as usize])
        }
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest as usize]),
                10..=19 => format!("一{}", chinese(rest)),
                _ => chinese(rest),
            };
            format!("{}百{tail}", DIGITS[(n / 100) as usize])
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}
