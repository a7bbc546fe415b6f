//! Tables copied from a web page into plain text put every cell on a line of its own
//! (`行政许可` / `0` / `0` / `0`, often with blank lines between): such runs are folded
//! back into one tab-separated line per row so the table parsers see a row. Cells
//! separated by `|` (a table written as Markdown or pasted with its borders) become
//! tab-separated cells first, and a Markdown heading's marks (`## 二、…`) are dropped.

/// Folds each short label line followed by two or more lines holding one value cell each
/// (blank lines between them allowed) into one line `label\tv1\tv2…`, keeping the label's
/// line number; every other line is kept as it is, with its number.
pub fn fold<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<(usize, String)> {
    let owned: Vec<String> = lines.into_iter().map(|l| unpiped(unmarked(l))).collect();
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let (cells, next) = cells_after(&lines, i + 1);
        if row_label(lines[i]) && cells.len() >= 2 {
            out.push((i, format!("{}\t{}", lines[i].trim(), cells.join("\t"))));
            i = next;
        } else {
            out.push((i, lines[i].to_string()));
            i += 1;
        }
    }
    out
}

/// The line without the marks of a Markdown heading (`# 标题`, `## 二、…`: one to six `#`
/// and a space at its start); any other line as it is.
fn unmarked(line: &str) -> &str {
    let text = line.trim_start();
    let marks = text.len() - text.trim_start_matches('#').len();
    match text[marks..].strip_prefix([' ', '\u{3000}']) {
        Some(rest) if (1..=6).contains(&marks) => rest,
        _ => line,
    }
}

/// The line with `|` borders removed and the cells between them tab-separated
/// (`| 行政许可 | 3 |` → `行政许可\t3`, a lone `0 |` → `0`); a line without `|` as it is.
fn unpiped(line: &str) -> String {
    if !line.contains('|') {
        return line.to_string();
    }
    let cells: Vec<&str> = line
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.join("\t")
}

/// The single-cell lines from `from` on (blank lines skipped), and the index after the
/// last one.
fn cells_after<'a>(lines: &[&'a str], from: usize) -> (Vec<&'a str>, usize) {
    let mut cells = Vec::new();
    let mut end = from;
    for (j, line) in lines.iter().enumerate().skip(from) {
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if t.is_empty() {
            continue;
        }
        if !cell(t) {
            break;
        }
        cells.push(t);
        end = j + 1;
    }
    (cells, end)
}

/// A line that can name a table row: short text that is neither a value nor a sentence.
fn row_label(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= 60
        && !cell(t)
        && !t.contains(['。', '；', '\t'])
        && !t.contains("  ")
}

/// One value cell: a number (ASCII or full-width digits, optional sign, separators,
/// decimals) or a mark for an empty cell.
fn cell(t: &str) -> bool {
    const EMPTY: [&str; 9] = ["—", "——", "-", "/", "无", "N/A", "\\", "－", "／"];
    if EMPTY.contains(&t) {
        return true;
    }
    let digits = t.trim_start_matches(['-', '+', '－', '＋']);
    digits
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || ",.，．".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        fold(text.lines()).into_iter().map(|(_, l)| l).collect()
    }

    #[test]
    fn a_row_with_one_cell_per_line_is_folded() {
        let text = "信息内容\n\n上年数\n\n行政许可\n\n 3\n\n 0 \n\n12\n\n行政处罚\n/\n５\n";
        assert_eq!(
            folded(text),
            [
                "信息内容",
                "",
                "上年数",
                "",
                "行政许可\t3\t0\t12",
                "",
                "行政处罚\t/\t５"
            ]
        );
    }

    #[test]
    fn the_label_keeps_its_line_number() {
        let numbers: Vec<usize> = fold("甲\n乙\n\n7\n8\n丙".lines())
            .iter()
            .map(|l| l.0)
            .collect();
        assert_eq!(numbers, [0, 1, 5]);
    }

    #[test]
    fn prose_and_single_numbers_stay_as_they_are() {
        let text = "全年公开信息，共计：\n25\n条。\n一、总体情况\n2\n本年度。\n二、其他\n3";
        assert_eq!(
            folded(text),
            [
                "全年公开信息，共计：",
                "25",
                "条。",
                "一、总体情况",
                "2",
                "本年度。",
                "二、其他",
                "3"
            ]
        );
    }

    #[test]
    fn cells_between_bars_become_tab_separated() {
        let text = "| 行政处罚 | 4 | 1 |\n|\n行政强制 |\n2 |\n0 |\n第二十条第（八）项 | |||";
        assert_eq!(
            folded(text),
            ["行政处罚\t4\t1", "", "行政强制\t2\t0", "第二十条第（八）项"]
        );
    }

    #[test]
    fn markdown_heading_marks_are_dropped() {
        let text = "# 某市2024年政府信息公开工作年度报告\n## 二、主动公开\n#1号文件\n####### 七";
        assert_eq!(
            folded(text),
            [
                "某市2024年政府信息公开工作年度报告",
                "二、主动公开",
                "#1号文件",
                "####### 七"
            ]
        );
    }
}
