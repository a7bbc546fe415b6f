//! Counted facts of the narrative: a number with its unit and the phrase that names it.
//!
//! A count is an Arabic number (thousands commas allowed) followed, after optional spaces,
//! by an optional `万`/`亿` multiplier, an optional `余`/`多`, and a unit from [`UNITS`].
//! `万`/`亿` before `元` make the unit `万元`/`亿元`; before any other unit they multiply
//! the value exactly (decimal shifting, never f64): `40.93 万个` → 409300 个. A whole result
//! is an integer Number; `94.40%` → 94.4.
//!
//! Not counts: a number glued after an ASCII letter or digit or one of `-/.@_#\,`
//! (phones, URLs, e-mails, dates such as `2021.1.8`), a number after `第` (ordinals), and
//! anything whose unit is not in the list (years `2021 年`, house numbers `1177号`,
//! document numbers `〔2021〕30号`, postcodes, bare hotlines, `1、` list numerals).
//! A unit that starts a longer word (`人民`, `条例`, `期间`, `次日` …) is not a unit.
//!
//! Label rule (also in [`find_counts`]'s doc): take the text between the previous delimiter
//! and the number. Delimiters: `，。；：、（）()！？,;:!?【】[]`, a paragraph start, an ASCII
//! digit. A run that starts after `、` ends an enumeration: when a noun follows the unit, the
//! number counts the enumerated things and the label is that noun (`…图们、公主岭11个分理处`
//! → `分理处`); otherwise the label takes in the whole enumeration (`累计受理疑难、投诉、建议
//! 2414 条` → `累计受理疑难、投诉、建议`). If the run starts right after a digit, drop one leading date/unit leftover
//! (`年度` `年底` `年末` `年初` `年` `月份` `月` `日` `号`, or a unit of [`UNITS`] with its
//! 万/余). Then drop, repeatedly, leading fillers (list ordinals 一是 二是 …, 其中 共计 合计 总计 一共 总共 共 另有 另
//! 并 约 达到 达 近 超过 逾) and trailing fillers (共计 合计 总计 一共 总共 累计 共 分别为
//! 分别 均为 约为 为 已达 达到 多达 高达 达 接近 近 约 超过 逾 的 是), each with a few
//! word exceptions (送达, 预约, 行为 …). 全年 and 累计 at the start are kept. Whitespace is
//! removed from the label. When the label is then empty, or ends with an existence verb
//! (设有 拥有 现有 建有 开设 设立 设置), the label is instead the run right after the unit up
//! to the next delimiter, digit or whitespace (`中心设有 17 个业务网点` → `业务网点`).
//! `text` is the printed span from the label's start to the unit's end (from the number to
//! the label's end when the label follows).

use super::narrative::{Stream, TextLine};
use govreport_document::without_whitespace;
use govreport_model::record::Count;
use regex::Regex;
use std::sync::LazyLock;

/// The units, longest first within a shared prefix (regex alternation order).
pub const UNITS: &str =
    "个工作日|个百分点|个月|个|人次|人|小时|天|条|件|次|户|笔|项|场|期|元|家|篇|份|名|%";

/// Number, optional multiplier and approximation, unit.
///
/// Examples: `294 条`, `40.93 万个`, `2.02 万户`, `94.44%`, `3940元`, `7730.28 万元`,
/// `1,448,678 个`, `300余人`, `1.5万余人次`, `15 个工作日`.
static COUNT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*(?:余|多)?\s*(?P<mult>[万亿])?\s*(?:余|多)?\s*(?P<unit>{UNITS})"
    ))
    .expect("count regex")
});

/// Date or unit leftover at the start of a label run that began right after a digit.
///
/// Examples: `年度` (in `2021 年度共接入电话`), `年`, `月`, `日`, `人` (in `专职1人兼职1人`).
static RESIDUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:年度|年底|年末|年初|年|月份|月底|月|日|号|[余多]?[万亿]?[余多]?(?:{UNITS}))"
    ))
    .expect("residue regex")
});

/// A list ordinal opening a label run (dropped like a leading filler).
///
/// Examples: `一是`, `三是`, `十二是`.
static LIST_ORDINAL_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[一二三四五六七八九十]{1,2}是").expect("list ordinal regex"));

/// Leading fillers, each with the chars that, following it, make it part of a word.
const LEADING_FILLERS: &[(&str, &str)] = &[
    ("其中", ""),
    ("共计", ""),
    ("合计", ""),
    ("总计", ""),
    ("一共", ""),
    ("总共", ""),
    ("共", "享同建青性识产"),
    ("另有", ""),
    ("另", "行外"),
    ("并", "联购列行网"),
    ("约", "谈定束"),
    ("达到", ""),
    ("达", "标成"),
    ("近", "期年日来"),
    ("超过", ""),
    ("逾", "期"),
];

/// Trailing fillers, each with the chars that, preceding it, make it part of a word.
const TRAILING_FILLERS: &[(&str, &str)] = &[
    ("共计", ""),
    ("合计", ""),
    ("总计", ""),
    ("一共", ""),
    ("总共", ""),
    ("累计", ""),
    ("共", "公社"),
    ("分别为", ""),
    ("分别", ""),
    ("均为", ""),
    ("约为", ""),
    ("为", "行作成认因以称更最"),
    ("已达", ""),
    ("达到", ""),
    ("多达", ""),
    ("高达", ""),
    ("达", "送到抵下传表转发"),
    ("接近", ""),
    ("近", "最附靠"),
    ("约", "预节签制合公条契履违"),
    ("超过", ""),
    ("逾", ""),
    ("的", "目"),
    ("是", "就即都也还但"),
];

/// Verbs of having after which the label is the noun that follows the unit.
const EXISTENCE_VERBS: &[&str] = &["设有", "拥有", "现有", "建有", "开设", "设立", "设置"];

/// Unit chars that, followed by these, start another word (`人民`, `条例` …).
const FALSE_UNITS: &[&str] = &[
    "人民", "条例", "期间", "期限", "次日", "次年", "天然", "元旦", "名单", "名称", "份额", "户籍",
    "场所",
];

/// Punctuation a label never starts with: left over from a list number (`1、`, `2.`) or
/// a dash, dropped from the label's start.
const LEADING_PUNCTUATION: &[char] = &[
    '、', '，', ',', '.', '．', '。', '·', '・', ':', '：', ';', '；', '-', '－', '—', '_', '~',
    '～',
];

/// Chars that end a label run.
fn is_delimiter(c: char) -> bool {
    "，。；：、（）()！？,;:!?【】[]\n".contains(c) || c.is_ascii_digit()
}

/// Every counted fact in `lines`, in reading order.
///
/// Label rule: the text from the previous delimiter (`，。；：、（）()！？,;:!?【】[]`,
/// paragraph start, ASCII digit) to the number; after a digit one date/unit leftover is
/// dropped; leading and trailing fillers are dropped; whitespace removed; if empty or
/// ending in an existence verb, the run after the unit is used instead.
pub fn find_counts(lines: &[TextLine]) -> Vec<Count> {
    let stream = Stream::new(lines);
    let text = stream.text();
    let mut out = Vec::new();
    for c in COUNT_RE.captures_iter(text) {
        let (num, unit_m) = (&c["num"], c.name("unit").expect("unit group"));
        let num_start = c.get(0).expect("whole match").start();
        if !standalone(text, num_start) || false_unit(text, unit_m.start(), unit_m.end()) {
            continue;
        }
        let (mut unit, mut shift) = (unit_m.as_str().to_string(), 0);
        match c.name("mult").map(|m| m.as_str()) {
            Some(m) if unit == "元" => unit = format!("{m}元"),
            Some("万") => shift = 4,
            Some(_) => shift = 8,
            None => {}
        }
        let Some(value) = decimal_value(num, shift) else {
            continue;
        };
        let (start, end, label) = match label_before(text, num_start, unit_m.end()) {
            Some((a, b)) => (a, unit_m.end(), stream.original(a, b).to_string()),
            None => {
                let (a, b) = label_after(text, unit_m.end());
                (num_start, b, stream.original(a, b).to_string())
            }
        };
        out.push(Count {
            label: without_whitespace(&label),
            value,
            unit,
            text: stream.original(start, end).to_string(),
            page: stream.page_at(start),
        });
    }
    out
}

/// False when the number at `start` is glued to a code, phone, URL or date, or is an ordinal.
fn standalone(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let mut rev = before.chars().rev();
    let prev = rev.next();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || "-/.@_#\\".contains(p)) {
        return false;
    }
    if prev == Some(',') && rev.next().is_some_and(|p| p.is_ascii_digit()) {
        return false;
    }
    !before.trim_end().ends_with('第')
}

/// True when the unit at `start..end` is the first char of a longer word.
fn false_unit(text: &str, start: usize, end: usize) -> bool {
    let unit = &text[start..end];
    unit.chars().count() == 1
        && FALSE_UNITS
            .iter()
            .any(|w| w.starts_with(unit) && text[start..].starts_with(w))
}

/// The number (commas removed) times 10^`shift`, computed on the digit string.
///
/// `("40.93", 4)` → 409300, `("94.44", 0)` → 94.44, `("94.40", 0)` → 94.4, `("1,234", 0)` → 1234.
fn decimal_value(num: &str, shift: usize) -> Option<serde_json::Number> {
    let num: String = num.chars().filter(|&c| c != ',').collect();
    let (int, frac) = num.split_once('.').unwrap_or((&num, ""));
    let mut digits = format!("{int}{frac}");
    let point = int.len() + shift;
    while digits.len() < point {
        digits.push('0');
    }
    let (int, frac) = digits.split_at(point);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    let s = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    s.parse().ok()
}

/// Byte range of the label before the number at `num_start`, or None when it is empty or
/// ends with an existence verb.
fn label_before(text: &str, num_start: usize, unit_end: usize) -> Option<(usize, usize)> {
    let mut run_start = run_begin(text, num_start);
    if text[..run_start].ends_with('、') {
        let (a, b) = label_after(text, unit_end);
        if text[a..b].starts_with(is_chinese) {
            return None;
        }
        while text[..run_start].ends_with('、') {
            run_start = run_begin(text, run_start - '、'.len_utf8());
        }
    }
    let after_digit = text[..run_start].ends_with(|c: char| c.is_ascii_digit());
    let (mut a, mut b) = trim(text, run_start, num_start);
    let punct = text[a..b].len() - text[a..b].trim_start_matches(LEADING_PUNCTUATION).len();
    (a, b) = trim(text, a + punct, b);
    if after_digit && let Some(m) = RESIDUE_RE.find(&text[a..b]) {
        (a, b) = trim(text, a + m.end(), b);
        let punct = text[a..b].len() - text[a..b].trim_start_matches(LEADING_PUNCTUATION).len();
        (a, b) = trim(text, a + punct, b);
    }
    while let Some(n) = leading_filler(&text[a..b]) {
        (a, b) = trim(text, a + n, b);
    }
    while let Some(n) = trailing_filler(&text[a..b]) {
        (a, b) = trim(text, a, b - n);
    }
    let label = &text[a..b];
    (a < b && !EXISTENCE_VERBS.iter().any(|v| label.ends_with(v))).then_some((a, b))
}

/// Where the run of text before byte `at` starts: just after the previous delimiter.
fn run_begin(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_delimiter(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Byte range of the run after the unit, up to a delimiter, digit or whitespace.
fn label_after(text: &str, unit_end: usize) -> (usize, usize) {
    let rest = &text[unit_end..];
    let a = unit_end + (rest.len() - rest.trim_start().len());
    let b = text[a..]
        .char_indices()
        .find(|&(_, c)| is_delimiter(c) || c.is_whitespace())
        .map_or(text.len(), |(i, _)| a + i);
    (a, b)
}

/// The range `a..b` without surrounding whitespace.
fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let a2 = a + (s.len() - s.trim_start().len());
    (a2, a2 + s.trim().len())
}

/// Byte length of a leading filler of `s`, if any.
fn leading_filler(s: &str) -> Option<usize> {
    if let Some(m) = LIST_ORDINAL_RE.find(s) {
        return Some(m.end());
    }
    LEADING_FILLERS.iter().find_map(|&(w, next_bad)| {
        let rest = s.strip_prefix(w)?;
        let next = rest.chars().next();
        (!next.is_some_and(|c| next_bad.contains(c))).then_some(w.len())
    })
}

/// Byte length of a trailing filler of `s`, if any.
fn trailing_filler(s: &str) -> Option<usize> {
    TRAILING_FILLERS.iter().find_map(|&(w, prev_bad)| {
        let rest = s.strip_suffix(w)?;
        let prev = rest.chars().next_back();
        (!prev.is_some_and(|c| prev_bad.contains(c))).then_some(w.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Vec<Count> {
        let lines: Vec<TextLine> = text.lines().map(|l| TextLine::new(Some(1), l)).collect();
        find_counts(&lines)
    }

    fn triples(text: &str) -> Vec<(String, String, String)> {
        counts(text)
            .into_iter()
            .map(|c| (c.label, c.value.to_string(), c.unit))
            .collect()
    }

    fn one(text: &str) -> (String, String, String) {
        let mut v = triples(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.remove(0)
    }

    fn t(label: &str, value: &str, unit: &str) -> (String, String, String) {
        (label.into(), value.into(), unit.into())
    }

    #[test]
    fn a_label_after_a_list_number_loses_its_punctuation() {
        assert_eq!(
            one("1、市政府及市政府办政策性文件 12 件"),
            t("市政府及市政府办政策性文件", "12", "件")
        );
        assert_eq!(one("2. 部门文件 3 件"), t("部门文件", "3", "件"));
        assert_eq!(one("3．—依申请公开 5 件"), t("依申请公开", "5", "件"));
    }

    #[test]
    fn spec_examples() {
        assert_eq!(one("全年信息发布 294 条，"), t("全年信息发布", "294", "条"));
        assert_eq!(
            one("热线 2021 年度共接入电话 40.93 万个，"),
            t("接入电话", "409300", "个")
        );
        assert_eq!(
            one("收取信息处理费3940元"),
            t("收取信息处理费", "3940", "元")
        );
        assert_eq!(one("，同比增长 26.11%；"), t("同比增长", "26.11", "%"));
        let shares = counts("其中予以公开 7 件、占 35%；不予公开 2 件、占 10%。");
        let labels: Vec<&str> = shares.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["予以公开", "占", "不予公开", "占"]);
        assert_eq!(one("满意度 99.95%"), t("满意度", "99.95", "%"));
        assert_eq!(one("中心设有 17 个业务网点，"), t("业务网点", "17", "个"));
        assert_eq!(
            one("2021年回复网站留言共计 1624条，"),
            t("回复网站留言", "1624", "条")
        );
    }

    #[test]
    fn an_enumeration_before_the_number_is_one_label_or_names_the_noun_after() {
        assert_eq!(
            one("各渠道累计受理疑难、投诉、建议 2414 条，职工"),
            t("各渠道累计受理疑难、投诉、建议", "2414", "条")
        );
        assert_eq!(
            one("下设双阳、九台、公主岭11个分理处。"),
            t("分理处", "11", "个")
        );
    }

    #[test]
    fn text_is_printed_phrase() {
        let c = &counts("一是全年信息发布 294 条，其中")[0];
        assert_eq!(c.text, "全年信息发布 294 条");
        let c = &counts("2021 年度共接入电话 40.93 万个")[0];
        assert_eq!(c.text, "接入电话 40.93 万个");
        let c = &counts("中心设有 17 个业务网点，使用")[0];
        assert_eq!(c.text, "17 个业务网点");
        let c = &counts("满意度９９．９５％")[0];
        assert_eq!(
            (c.text.as_str(), c.value.to_string()),
            ("满意度９９．９５％", "99.95".into())
        );
    }

    #[test]
    fn wan_multiplies_exactly() {
        assert_eq!(one("缴存单位达 2.02 万户"), t("缴存单位", "20200", "户"));
        assert_eq!(one("访问量 613.72 万次"), t("访问量", "6137200", "次"));
        assert_eq!(one("会话总量 1.8 万条"), t("会话总量", "18000", "条"));
        assert_eq!(one("办理业务超过 15 万笔"), t("办理业务", "150000", "笔"));
        assert_eq!(one("咨询 0.35 万人次"), t("咨询", "3500", "人次"));
        assert_eq!(one("访问 1.23456 万次"), t("访问", "12345.6", "次"));
        assert_eq!(one("投入 1.5 亿次"), t("投入", "150000000", "次"));
        assert_eq!(
            one("收费金额 7730.28 万元"),
            t("收费金额", "7730.28", "万元")
        );
        assert_eq!(one("投资 3 亿元"), t("投资", "3", "亿元"));
        assert_eq!(one("服务群众1.5万余人次"), t("服务群众", "15000", "人次"));
    }

    #[test]
    fn other_units_and_number_forms() {
        assert_eq!(one("注册用户 1,448,678 个"), t("注册用户", "1448678", "个"));
        assert_eq!(one("开通率 95%"), t("开通率", "95", "%"));
        assert_eq!(one("接通率 100.0%"), t("接通率", "100", "%"));
        assert_eq!(one("平均办理时间 1.2 天"), t("平均办理时间", "1.2", "天"));
        assert_eq!(one("办结时限 15 个工作日"), t("办结时限", "15", "个工作日"));
        assert_eq!(one("培训会 0 次，"), t("培训会", "0", "次"));
        assert_eq!(one("咨询人数 2721 人次;"), t("咨询人数", "2721", "人次"));
        assert_eq!(one("参加人员300余人"), t("参加人员", "300", "人"));
        assert_eq!(one("日均访问量近 2000次"), t("日均访问量", "2000", "次"));
        assert_eq!(
            one("占业务量总数的 87.28%"),
            t("占业务量总数", "87.28", "%")
        );
        assert_eq!(one("办结率达到 100%"), t("办结率", "100", "%"));
        assert_eq!(one("依法送达 3 件"), t("依法送达", "3", "件"));
    }

    #[test]
    fn label_leftovers_and_fillers() {
        let got = triples("专职1人，兼职1人；专职1人兼职2人");
        assert_eq!(got[3], t("兼职", "2", "人"));
        assert_eq!(
            one("2021 年网站注册用户数量 1448678 个"),
            t("网站注册用户数量", "1448678", "个")
        );
        assert_eq!(one("其中，概况类信息 4 条"), t("概况类信息", "4", "条"));
        assert_eq!(
            one("其中自助语音服务电话 15.6 万个"),
            t("自助语音服务电话", "156000", "个")
        );
        assert_eq!(
            one("微信公众号累计订阅数 131050 个"),
            t("微信公众号累计订阅数", "131050", "个")
        );
        assert_eq!(
            one("手机 APP 全年受理离退休提取 845 笔"),
            t("手机APP全年受理离退休提取", "845", "笔")
        );
        assert_eq!(one("共享平台 3 个"), t("共享平台", "3", "个"));
        assert_eq!(one("违法行为 3 件"), t("违法行为", "3", "件"));
        assert_eq!(one("；共 15 条意见"), t("意见", "15", "条"));
    }

    #[test]
    fn non_counts() {
        for text in [
            "2021 年",
            "2021年度",
            "2021年1月8日",
            "2021-01-08 发布",
            "2021.1.8",
            "客服电话:0431-12329;传真:0431-89216913;",
            "电话：0517-87222589，",
            "充分利用 12329 公积金客服热线等平台",
            "邮编：130022；",
            "南关区芳草街1177号；",
            "洪泽湖大道 90\n号 ，",
            "《中华人民共和国政府信息公开条例》（国令第711号）",
            "（国令第 711 号）",
            "川办便函〔2022〕318号",
            "〔2021〕30号",
            "1、加强",
            "（一）加强",
            "一是及时",
            "第3季度",
            "第 3 期",
            "第20条",
            "hzzwgk@126.com",
            "http://zfgjj.changchun.gov.cn/2021/3条",
            "区12345人民来信",
            "第二十条 第（一）项",
        ] {
            assert!(triples(text).is_empty(), "{text}: {:?}", triples(text));
        }
    }

    #[test]
    fn decimal_values_are_exact() {
        let v = |n, s| decimal_value(n, s).unwrap().to_string();
        assert_eq!(v("40.93", 4), "409300");
        assert_eq!(v("0.07", 4), "700");
        assert_eq!(v("94.40", 0), "94.4");
        assert_eq!(v("007", 0), "7");
        assert_eq!(v("0.5", 0), "0.5");
        assert_eq!(v("1,234.5", 0), "1234.5");
        assert!(decimal_value("40.93", 4).unwrap().is_u64());
    }

    #[test]
    fn page_of_the_label() {
        let lines = vec![
            TextLine::new(Some(1), "手机客户端累计注册量"),
            TextLine::new(Some(2), "180366 个；"),
        ];
        let c = &find_counts(&lines)[0];
        assert_eq!(
            (c.label.as_str(), c.page),
            ("手机客户端累计注册量", Some(1))
        );
    }
}
