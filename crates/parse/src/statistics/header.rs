//! The statistics table's header read as a set of column roles: 序号, the indicator, 代码,
//! 单位, one or more value columns under their printed names (统计数, 本年, 历年累计, 同比,
//! 2015年 …) and 备注, in any order, on one line or wrapped over several (a two-row
//! header's group name over its value columns is left out).

use govreport_document::layout::Line;
use govreport_document::without_whitespace;

use crate::statistics::label::numbering;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `序号`, `行次`: a serial number, or the row's numbering.
    Serial,
    /// The indicator: `指标名称`, `统计指标`, `项目`, `内容` ….
    Label,
    /// `代码`, `编码`, `指标代码`: the indicator's code.
    Code,
    /// `单位`, `计量单位`.
    Unit,
    /// A value column: `统计数`, `本年`, `历年累计`, `同比`, `2015年` ….
    Value,
    /// `备注`: remarks, not read.
    Note,
}

/// One column of the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// What it holds.
    pub role: Role,
    /// Its header words as printed, whitespace removed (a wrapped name joined).
    pub name: String,
    /// Left edge of its header words (points for PDF, character columns for text, the
    /// column grid for HTML and tab-separated text).
    pub x0: f32,
    /// Right edge of its header words.
    pub x1: f32,
}

impl Column {
    /// The horizontal centre of its header words.
    pub fn centre(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

/// What the header says about the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Where each column ends and the next begins (one fewer than the columns).
    pub bounds: Vec<f32>,
}

impl Header {
    /// The value columns' names as printed.
    pub fn names(&self) -> Vec<String> {
        self.of(Role::Value).map(|c| c.name.clone()).collect()
    }

    /// How many value columns there are.
    pub fn width(&self) -> usize {
        self.of(Role::Value).count()
    }

    /// The columns that hold `role`.
    pub fn of(&self, role: Role) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(move |c| c.role == role)
    }

    /// The index of the (first) column that holds `role`.
    pub fn index(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// The column a position falls in.
    pub fn column_at(&self, x: f32) -> usize {
        self.bounds.partition_point(|b| *b <= x)
    }

    /// Per value column: whether it holds a change (`增减`, `同比`, `增长率`), which no sum
    /// rule applies to.
    pub fn changes(&self) -> Vec<bool> {
        self.of(Role::Value).map(|c| is_change(&c.name)).collect()
    }
}

/// Words of a column that holds a change against an earlier period, not a count.
const CHANGE_WORDS: [&str; 8] = ["同比", "环比", "增减", "增长", "增幅", "变化", "%", "率"];

/// Whether a value column's name says it holds a change.
pub fn is_change(name: &str) -> bool {
    CHANGE_WORDS.iter().any(|w| name.contains(w))
}

/// Names of a group printed over several value columns (`统计数` over `本年 | 累计`).
const GROUPS: [&str; 7] = [
    "统计数",
    "数量",
    "统计数据",
    "数值",
    "数据",
    "统计值",
    "指标值",
];

/// What a header word (or words joined from a wrapped header) names, if it names a column.
pub fn role_of(name: &str) -> Option<Role> {
    const SERIAL: [&str; 4] = ["序号", "行次", "序", "序列号"];
    const CODE: [&str; 8] = [
        "代码",
        "编码",
        "代号",
        "编号",
        "指标代码",
        "指标编码",
        "项目代码",
        "行号",
    ];
    const UNIT: [&str; 5] = ["单位", "计量单位", "计算单位", "计量", "单位名称"];
    const LABEL_ENDS: [&str; 7] = ["指标", "项目", "名称", "内容", "事项", "类别", "分类"];
    let n = name.chars().count();
    if SERIAL.contains(&name) {
        Some(Role::Serial)
    } else if CODE.contains(&name) {
        Some(Role::Code)
    } else if UNIT.contains(&name) {
        Some(Role::Unit)
    } else if ["备注", "说明"].contains(&name) {
        Some(Role::Note)
    } else if n <= 5 && !name.starts_with('附') && LABEL_ENDS.iter().any(|w| name.ends_with(w)) {
        Some(Role::Label)
    } else {
        value_name(name).then_some(Role::Value)
    }
}

/// A value column's name: short, one of the words value columns use (数 年 期 计 比 …),
/// no digits but a year's (`2015年`, `2015年度`).
fn value_name(name: &str) -> bool {
    const WORDS: [&str; 15] = [
        "数", "年", "期", "计", "比", "增", "减", "值", "量", "额", "月", "季", "率", "%", "％",
    ];
    let digits = name.chars().filter(char::is_ascii_digit).count();
    let year = digits == 4 && name.starts_with(|c: char| c.is_ascii_digit()) && name.contains('年');
    (1..=10).contains(&name.chars().count())
        && (digits == 0 || year)
        && !name.contains(['〇', '日'])
        && WORDS.iter().any(|w| name.contains(w))
}

/// A header word with where it stands and on which line of the header it is.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    x0: f32,
    x1: f32,
    line: usize,
}

impl Token {
    fn centre(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

/// A line's header words: each cell split at spaces (a run of single characters is one
/// letter-spaced word, `指 标 名 称`), each word on its share of the cell.
fn tokens(line: &Line, index: usize) -> Vec<Token> {
    let mut out = Vec::new();
    for cell in line.cells.iter().filter(|c| !c.text.trim().is_empty()) {
        let parts = spaced_words(&cell.text);
        let step = (cell.x1 - cell.x0) / parts.len().max(1) as f32;
        for (i, p) in parts.iter().enumerate() {
            out.push(Token {
                text: without_whitespace(p),
                x0: cell.x0 + step * i as f32,
                x1: cell.x0 + step * (i + 1) as f32,
                line: index,
            });
        }
    }
    out
}

/// A cell's words: split at spaces, except that a run of single characters is one
/// letter-spaced word (`指 标 名 称`).
fn spaced_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut single = false;
    for w in text.split_whitespace() {
        let one = w.chars().count() == 1;
        match out.last_mut() {
            Some(last) if one && single => last.push_str(w),
            _ => out.push(w.to_string()),
        }
        single = one;
    }
    out
}

/// Whether a line can be (part of) a header: only short words, none a number, a dash, a
/// numbered label or a sentence.
fn headerish(line: &Line) -> bool {
    let words = tokens(line, 0);
    !words.is_empty()
        && words.iter().all(|t| {
            let n = t.text.chars().count();
            (1..=10).contains(&n)
                && numbering(&t.text).is_none()
                && !t
                    .text
                    .contains(['：', ':', '。', '，', '；', '—', '/', '／'])
                && (!t.text.chars().any(|c| c.is_ascii_digit()) || role_of(&t.text).is_some())
        })
}

/// Reads a header printed on one line.
pub fn find(line: &Line) -> Option<Header> {
    headerish(line).then(|| build(&tokens(line, 0))).flatten()
}

/// A header printed over up to six lines (wrapped names, a group over its columns): the
/// header and the index of the line after it. The most lines that still make a header win;
/// the first line names a column with at least one of its words, or holds only the tops of
/// names wrapped onto the next line, which names one (`行` / `次 项目名称 …`, `上半 单` /
/// `统计内容 编码 下半年 全年` / `年 位`): then the header has two lines or more (a lone
/// `次` or `位` is the rest of a cell above, not a header's start).
pub fn find_at(lines: &[Line], at: usize) -> Option<(Header, usize)> {
    let names = |l: &Line| tokens(l, 0).iter().any(|t| role_of(&t.text).is_some());
    let least = if names(&lines[at]) {
        1
    } else if lines.get(at + 1).is_some_and(names) {
        2
    } else {
        return None;
    };
    let n = lines[at..]
        .iter()
        .take(6)
        .take_while(|l| headerish(l))
        .count();
    (least..=n).rev().find_map(|k| {
        let tokens: Vec<Token> = lines[at..at + k]
            .iter()
            .enumerate()
            .flat_map(|(i, l)| tokens(l, i))
            .collect();
        build(&tokens).map(|h| (h, at + k))
    })
}

/// The header the tokens make, if every column they form names a role, one is the
/// indicator and at least one holds values.
fn build(tokens: &[Token]) -> Option<Header> {
    let words = merge(tokens, &group_spans(tokens));
    let mut columns = words
        .iter()
        .map(|w| {
            let name: String = w.iter().map(|t| t.text.as_str()).collect();
            let (x0, x1) = extent(w);
            Some(Column {
                role: role_of(&name).or_else(|| grouped_value(w))?,
                name,
                x0,
                x1,
            })
        })
        .collect::<Option<Vec<Column>>>()?;
    strip_groups(&mut columns, &words);
    let count = |r: Role| columns.iter().filter(|c| c.role == r).count();
    let single = [Role::Serial, Role::Code, Role::Unit]
        .iter()
        .all(|r| count(*r) <= 1);
    if count(Role::Label) != 1 || !(1..=8).contains(&count(Role::Value)) || !single {
        return None;
    }
    let bounds = bounds(&columns);
    Some(Header { columns, bounds })
}

/// A group name joined to the value column it stands over (`统计数据` + `2013年`, which
/// as one name has a year's digits inside it): a value column, its name cut by
/// [`strip_groups`].
fn grouped_value(words: &[&Token]) -> Option<Role> {
    let rest: String = words.iter().skip(1).map(|t| t.text.as_str()).collect();
    let grouped = words.len() > 1 && GROUPS.contains(&words[0].text.as_str());
    (grouped && role_of(&rest) == Some(Role::Value)).then_some(Role::Value)
}

/// Tokens that name values and span two or more words side by side on a line below them
/// (an HTML `colspan` group name): left out of the columns.
fn group_spans(tokens: &[Token]) -> Vec<bool> {
    tokens
        .iter()
        .map(|t| {
            let under = |line: usize| {
                tokens
                    .iter()
                    .filter(|u| u.line == line && u.centre() > t.x0 && u.centre() < t.x1)
                    .count()
            };
            value_name(&t.text) && tokens.iter().any(|u| u.line > t.line && under(u.line) >= 2)
        })
        .collect()
}

/// The tokens joined column by column: a token joins the column it overlaps most that has
/// no word of its own line yet; columns left to right, each column's words in line order.
fn merge<'a>(tokens: &'a [Token], skip: &[bool]) -> Vec<Vec<&'a Token>> {
    let mut columns: Vec<Vec<&Token>> = Vec::new();
    for (t, _) in tokens.iter().zip(skip).filter(|(_, s)| !**s) {
        let overlap = |c: &Vec<&Token>| {
            let (x0, x1) = extent(c);
            t.x1.min(x1) - t.x0.max(x0)
        };
        let best = columns
            .iter_mut()
            .filter(|c| c.iter().all(|u| u.line != t.line) && overlap(c) > 0.0)
            .max_by(|a, b| overlap(a).total_cmp(&overlap(b)));
        match best {
            Some(c) => c.push(t),
            None => columns.push(vec![t]),
        }
    }
    columns.sort_by(|a, b| extent(a).0.total_cmp(&extent(b).0));
    columns
}

fn extent(words: &[&Token]) -> (f32, f32) {
    let x0 = words.iter().map(|t| t.x0).fold(f32::MAX, f32::min);
    let x1 = words.iter().map(|t| t.x1).fold(f32::MIN, f32::max);
    (x0, x1)
}

/// A group name over two or more value columns, when it did not span them by its cell:
/// alone on a line above them it is dropped; joined to one of them (`数量` + `上年度`) it
/// is cut off that column's name.
fn strip_groups(columns: &mut Vec<Column>, words: &[Vec<&Token>]) {
    let values: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].role == Role::Value)
        .collect();
    if values.len() < 2 {
        return;
    }
    let top = |i: usize| words[i].iter().map(|t| t.line).min().unwrap_or(0);
    let mut drop = Vec::new();
    for &i in &values {
        let first = &words[i][0].text;
        let others_below = values
            .iter()
            .filter(|&&j| j != i && top(j) > top(i))
            .count();
        if words[i].len() == 1 && GROUPS.contains(&first.as_str()) && others_below >= 2 {
            drop.push(i);
        } else if words[i].len() > 1 && GROUPS.contains(&first.as_str()) && others_below >= 1 {
            let rest: String = words[i][1..].iter().map(|t| t.text.as_str()).collect();
            columns[i].name = rest;
        }
    }
    for i in drop.into_iter().rev() {
        columns.remove(i);
    }
}

/// Where each column ends: halfway between two narrow columns' words; after the
/// indicator (which is wide and whose cells run long), half the next column's width
/// before that column's centre; before it (a 序号 or 代码 column, narrow and first),
/// half its header word's width after that word.
fn bounds(columns: &[Column]) -> Vec<f32> {
    let narrow = narrow_width(columns);
    columns
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let (a, b) = (&w[0], &w[1]);
            if a.role == Role::Label {
                let own = columns
                    .get(i + 2)
                    .map_or(narrow, |c| c.centre() - b.centre());
                (b.centre() - own / 2.0).max(a.x1)
            } else if b.role == Role::Label {
                (a.x1 + (a.x1 - a.x0) / 2.0).min(b.x0)
            } else {
                (a.x1 + b.x0) / 2.0
            }
        })
        .collect()
}

/// The typical distance between the centres of neighbouring columns other than the
/// indicator (their width), or twice the widest header word when there is no such pair.
fn narrow_width(columns: &[Column]) -> f32 {
    let mut gaps: Vec<f32> = columns
        .windows(2)
        .filter(|w| w.iter().all(|c| c.role != Role::Label))
        .map(|w| w[1].centre() - w[0].centre())
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2).copied().unwrap_or_else(|| {
        let widest = columns
            .iter()
            .filter(|c| c.role != Role::Label)
            .map(|c| c.x1 - c.x0)
            .fold(0.0, f32::max);
        widest * 2.0
    })
}

/// The line under some headers that names the columns 甲 乙 丙 1 2.
pub fn is_column_index(line: &Line) -> bool {
    let tokens = tokens(line, 0);
    tokens.iter().any(|t| t.text == "甲")
        && tokens.iter().all(|t| {
            ["甲", "乙", "丙", "丁", "戊"].contains(&t.text.as_str())
                || (t.text.len() <= 2 && t.text.chars().all(|c| c.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests;
