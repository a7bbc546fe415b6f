//! Report metadata: title, agency and year (the statistics period is in `period`).

use std::sync::LazyLock;

use regex::Regex;

use super::squeeze;
use crate::layout::Line;
use govreport_model::record::Period;

/// The report's title: the first lines (before the opening paragraph) that together name a
/// 报告. A title may wrap over up to three lines anywhere — inside a word (`…政府信息公` /
/// `开工作年度报告`, `…年度报` / `告`), after the year-and-agency (`2025年…街道办事处` /
/// `政府信息公开工作年度报告`) — and the agency may stand alone on the line before
/// (`洪泽区人民政府` / `2023年…报告`).
pub fn title(lines: &[Line]) -> Option<String> {
    let head: Vec<String> = lines
        .iter()
        .take(15)
        .map(|l| unlabelled(&squeeze(&l.text())))
        .collect();
    let sentence = |t: &str| t.contains(['，', '。', '；', ',', ';']);
    for (i, line) in head.iter().enumerate() {
        if sentence(line) {
            return None;
        }
        if breadcrumb(line) {
            continue;
        }
        if !line.contains("报告") && !title_start(line) {
            continue;
        }
        let next_has_year = head.get(i + 1).is_some_and(|n| YEAR.is_match(n));
        if !line.contains("报告") && !YEAR.is_match(line) && !agency_alone(line) && next_has_year
        {
            continue;
        }
        let mut title = line.clone();
        for next in head.iter().skip(i + 1).take(2) {
            if title.contains("报告") || !title_part(next) || repeats_tail(&title, next) {
                break;
            }
            if title.ends_with("年度报") && !next.starts_with('告') {
                // The template's last character lost (OCR splits a large 告 into strokes).
                title.push('告');
                break;
            }
            title.push_str(next);
        }
        if !title.contains("报告") {
            continue;
        }
        if let Some(year) = head.get(i + 1).filter(|n| BRACKETED_YEAR.is_match(n))
            && !YEAR.is_match(&title)
        {
            title.push_str(year);
        }
        if let Some(prev) = i.checked_sub(1).map(|p| &head[p])
            && agency_alone(prev)
            && !agency_alone(line)
            && !repeats_tail(prev, line)
        {
            title = format!("{prev}{title}");
        }
        return Some(title);
    }
    None
}

/// A page's breadcrumb trail (`您当前的位置：首页>某街道>年度报告`, `首页 > … > 年报`),
/// never the title.
fn breadcrumb(line: &str) -> bool {
    let trail = ['>', '＞', '»', '›'];
    line.contains("当前位置")
        || line.contains(trail) && (line.contains("首页") || line.contains("位置"))
}

/// The line without a leading `标题：` (`题名：`) label of a page's metadata block.
fn unlabelled(line: &str) -> String {
    ["标题", "题名", "名称"]
        .iter()
        .find_map(|w| line.strip_prefix(w)?.strip_prefix(['：', ':']))
        .unwrap_or(line)
        .to_string()
}

/// True when `line` begins with the last characters (two or more) of `prev`: the line
/// names the agency again (`某区某镇` / `某镇人民政府2020年…报告`), so `prev` is a
/// site's or breadcrumb's name, not the first half of the title.
fn repeats_tail(prev: &str, line: &str) -> bool {
    let chars: Vec<char> = prev.chars().collect();
    (0..chars.len().saturating_sub(1))
        .any(|k| line.starts_with(&chars[k..].iter().collect::<String>()))
}

/// The title announced in the opening sentence, for a report printed without a title
/// line: `现公布某市人民政府2022年政府信息公开工作年度报告。` (not `现公布我局…`).
pub fn announced_title(lines: &[Line]) -> Option<String> {
    let (title, who, _) = announcement(lines)?;
    let named = who.chars().count() >= 2 && !who.starts_with(['我', '本']);
    (named && title.ends_with("年度报告")).then_some(title)
}

/// The year announced in the opening sentence: `现将我办2022年度政府信息公开情况报告如下`.
pub fn announced_year(lines: &[Line]) -> Option<i32> {
    announcement(lines).map(|(_, _, year)| year)
}

/// The opening sentence's `现公布/现将 … YYYY年…报告` phrase, from the first lines: the
/// phrase from the year's owner on, the owner, and the year.
fn announcement(lines: &[Line]) -> Option<(String, String, i32)> {
    let head: String = lines.iter().take(30).map(|l| squeeze(&l.text())).collect();
    let caps = ANNOUNCED.captures(&head)?;
    let year = caps["year"].parse().ok()?;
    Some((caps["title"].to_string(), caps["who"].to_string(), year))
}

/// `现公布|现公开|现发布|现将` + who + year + the subject, up to 报告.
static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"现(?:予以)?(?:公布|公开|发布|将)(?P<title>(?P<who>[^，。；：、“”《》,;:]{0,30}?)(?P<year>(?:19|20)\d{2})年度?(?:政府信息公开|政务公开|信息公开)[^，。；：“”《》,;:]{0,10}?报告)",
    )
    .expect("valid regex")
});

/// A line that can open a wrapped title: it names a year, an agency or the subject.
fn title_start(line: &str) -> bool {
    title_part(line)
        && (YEAR.is_match(line)
            || agency_alone(line)
            || ["政府信息公开", "政务公开", "信息公开"]
                .iter()
                .any(|w| line.contains(w)))
}

/// A line that can continue a title: short, no clause punctuation, labels or headings.
fn title_part(line: &str) -> bool {
    let heading = line.starts_with(['一', '二', '三', '四', '五', '六']) && line.contains('、');
    !line.is_empty()
        && line.chars().count() <= 40
        && !heading
        && !line.starts_with("本报告")
        && !line.contains(['，', '。', '；', '：', ':', '>', '|', '/'])
}

/// A line that is an agency's name on its own (`洪泽区人民政府`, `某街道办事处`).
fn agency_alone(line: &str) -> bool {
    let n = line.chars().count();
    (3..=24).contains(&n)
        && !YEAR.is_match(line)
        && !line.contains("报告")
        && !line.chars().any(|c| c.is_ascii_digit())
        && title_part(line)
        && AGENCY_ENDINGS.iter().any(|e| line.ends_with(e))
}

/// A year in brackets on a line of its own under a title: `（2023年度）`.
static BRACKETED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(](?:19|20)\d{2}年度?[）)]$").expect("valid regex"));

/// A four-digit year followed by 年.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年度?").expect("valid regex"));

/// How an agency's name usually ends.
const AGENCY_ENDINGS: [&str; 28] = [
    "政府",
    "局",
    "委员会",
    "中心",
    "办公室",
    "委",
    "院",
    "厅",
    "办事处",
    "管委会",
    "办",
    "处",
    "所",
    "队",
    "部",
    "署",
    "会",
    "馆",
    "公司",
    "集团",
    "大学",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "镇",
    "乡",
];

/// Title endings, longest first, that follow the agency name.
const TITLE_ENDINGS: [&str; 6] = [
    "政府信息公开工作年度报告",
    "信息公开工作年度报告",
    "政务公开工作年度报告",
    "政府信息公开年度报告",
    "工作年度报告",
    "年度报告",
];

/// The year reported on: the year in the title, else the period's start.
pub fn year(title: Option<&str>, period: Option<&Period>) -> Option<i32> {
    title
        .and_then(|t| YEAR.captures(t))
        .and_then(|c| c[1].parse().ok())
        .or_else(|| period.and_then(|p| p.start[..4].parse().ok()))
}

/// The agency from the title: the part before the year, or between the year and the
/// title's ending (`2021年长春市住房公积金管理中心信息公开工作年度报告`).
pub fn agency(title: &str) -> Option<String> {
    let title = title
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rsplit_once(['（', '(']))
        .filter(|(_, y)| YEAR.is_match(y) && y.chars().count() <= 6)
        .map_or(title, |(t, _)| t);
    let Some(m) = YEAR.find(title) else {
        let name = TITLE_ENDINGS.iter().find_map(|e| title.strip_suffix(e))?;
        let name = name.trim_start_matches("关于");
        return (name.chars().count() >= 2).then(|| name.to_string());
    };
    let before = title[..m.start()].trim_start_matches("关于");
    let before = ["关于", "政府信息公开工作", "政务公开工作", "信息公开工作"]
        .iter()
        .fold(before, |b, w| b.strip_suffix(w).unwrap_or(b));
    if before.chars().count() >= 2 {
        return Some(before.to_string());
    }
    let after = &title[m.end()..];
    let name = TITLE_ENDINGS
        .iter()
        .find_map(|e| after.strip_suffix(e))
        .unwrap_or(after);
    (name.chars().count() >= 2).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text_lines as lines;

    #[test]
    fn a_title_on_two_lines_is_joined() {
        let l = lines("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由……");
        assert_eq!(
            title(&l).as_deref(),
            Some("洪泽区人民政府2023年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn a_title_wrapped_inside_a_word_is_joined() {
        let l = lines("2023年青岚区市场监督管理局政府信息公开工作年度报\n告\n本报告由……编制。");
        assert_eq!(
            title(&l).as_deref(),
            Some("2023年青岚区市场监督管理局政府信息公开工作年度报告")
        );
    }

    #[test]
    fn a_title_whose_last_character_ocr_lost_is_completed_not_run_on() {
        // As OCR reads a scan: the large 告 broken into strokes on lines of their own.
        let l = lines(
            "白沙县青石镇人民政府2020年政府信息公开工作年度报\n一握一\n本报告由白沙县青石镇人民政府党政办公室根据《条例》",
        );
        assert_eq!(
            title(&l).as_deref(),
            Some("白沙县青石镇人民政府2020年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn titles_wrapped_anywhere() {
        for (text, want) in [
            (
                "2023年青岚区市场监督管理局政府信息公\n开工作年度报告\n本报告由……编制。",
                "2023年青岚区市场监督管理局政府信息公开工作年度报告",
            ),
            (
                "2025年东湖街道办事处\n政府信息公开工作年度报告\n一、总体情况",
                "2025年东湖街道办事处政府信息公开工作年度报告",
            ),
            (
                "某市某区人民政府\n2023年政府信息公开工作\n年度报告\n一、总体情况",
                "某市某区人民政府2023年政府信息公开工作年度报告",
            ),
            (
                "青石镇人民政府2020年政府信息\n公开工作年度报告",
                "青石镇人民政府2020年政府信息公开工作年度报告",
            ),
            (
                "东湖街道办事处\n2024年度政府信息公开\n工作年度报告",
                "东湖街道办事处2024年度政府信息公开工作年度报告",
            ),
            (
                "索引号：11320800/2024-00012\n淮安市人民政府2024年政府信息公开工作年度报告",
                "淮安市人民政府2024年政府信息公开工作年度报告",
            ),
            (
                "政府信息公开专栏\n某区人民政府2023年政府信息公开工作年度报告\n一、总体情况",
                "某区人民政府2023年政府信息公开工作年度报告",
            ),
            (
                "江川市南湖区\n人民政府2023年政府信息公开工作年度报告\n一、总体情况",
                "江川市南湖区人民政府2023年政府信息公开工作年度报告",
            ),
            (
                "某县司法局政府信息公开工作年度报告\n（2023年度）\n一、总体情况",
                "某县司法局政府信息公开工作年度报告（2023年度）",
            ),
            (
                "某县卫生健康委员会\n关于2022年度政府信息公开工作情况的报告",
                "某县卫生健康委员会关于2022年度政府信息公开工作情况的报告",
            ),
        ] {
            assert_eq!(title(&lines(text)).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn agency_from_titles_of_every_shape() {
        for (t, want) in [
            (
                "2025年东湖街道办事处政府信息公开工作年度报告",
                "东湖街道办事处",
            ),
            (
                "某县卫生健康委员会关于2022年度政府信息公开工作情况的报告",
                "某县卫生健康委员会",
            ),
            ("某市司法局政府信息公开工作2023年度报告", "某市司法局"),
            (
                "某县司法局政府信息公开工作年度报告（2023年度）",
                "某县司法局",
            ),
            ("关于某县审计局政府信息公开工作年度报告", "某县审计局"),
        ] {
            assert_eq!(agency(t).as_deref(), Some(want), "{t}");
        }
    }

    #[test]
    fn agency_before_or_after_the_year() {
        assert_eq!(
            agency("淮安市人民政府2024年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
        assert_eq!(
            agency("2021年长春市住房公积金管理中心信息公开工作年度报告").as_deref(),
            Some("长春市住房公积金管理中心")
        );
    }

    #[test]
    fn year_comes_from_the_title() {
        assert_eq!(
            year(Some("XX区2023年度政府信息公开工作年度报告"), None),
            Some(2023)
        );
    }

    #[test]
    fn a_title_after_a_label_and_a_site_name_is_the_labelled_line() {
        let l = lines(
            "某区青石镇\n标题：青石镇人民政府2021年政府信息公开工作年度报告\n发布日期：2022-01-20",
        );
        assert_eq!(
            title(&l).as_deref(),
            Some("青石镇人民政府2021年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn an_opening_sentence_with_half_width_commas_is_no_title() {
        let l = lines("按照条例的要求,现将本局2021年度政府信息公开情况报告如下:\n一、总体情况");
        assert_eq!(title(&l), None);
        assert_eq!(announced_year(&l), Some(2021));
        assert_eq!(announced_title(&l), None);
    }

    #[test]
    fn the_title_announced_in_the_opening_sentence() {
        let l = lines(
            "根据《条例》要求，现公布某县白沙镇人民政府2021年政府信息公开工作年度报告。本报告包括……\n一、总体情况",
        );
        assert_eq!(title(&l), None);
        assert_eq!(
            announced_title(&l).as_deref(),
            Some("某县白沙镇人民政府2021年政府信息公开工作年度报告")
        );
        assert_eq!(announced_year(&l), Some(2021));
        let mine = lines("根据规定，现公布我局2024年政府信息公开工作年度报告。");
        assert_eq!(announced_title(&mine), None);
        assert_eq!(announced_year(&mine), Some(2024));
    }

    #[test]
    fn a_breadcrumb_trail_ending_in_the_column_name_is_not_the_title() {
        let l = lines(
            "您当前的位置：首页 > 白沙街道 > 年度报告\n白沙街道2020年度政府信息公开工作报告\n一、总体情况",
        );
        assert_eq!(
            title(&l).as_deref(),
            Some("白沙街道2020年度政府信息公开工作报告")
        );
    }

    #[test]
    fn a_trail_from_the_home_page_is_not_the_title() {
        let l = lines("首页 > 政务公开 > 年度报告\n某镇2021年政府信息公开工作年度报告");
        assert_eq!(
            title(&l).as_deref(),
            Some("某镇2021年政府信息公开工作年度报告")
        );
    }
}
