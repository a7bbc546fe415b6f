//! 表四 (政府信息公开行政复议、行政诉讼情况) as data: three groups of five columns, printed
//! as one row of fifteen values; its anchor words and its equations.

use super::{Anchors, CellRef, RowSpec, TableId, TableSpec};
use crate::codes::Rule;
use crate::equations::Equation;

/// Words that locate 表四.
pub const ANCHORS: Anchors = Anchors {
    region: &["复议后起诉", "未经复议"],
    body: &["复议后起诉", "未经复议", "结果维持"],
    page: &["行政复议"],
};

/// The five result columns of each group; the last is the group total.
pub const COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// Position of the 总计 column in a group.
pub const TOTAL: usize = 4;

const fn group(key: &'static str, labels: &'static [&'static str]) -> RowSpec {
    RowSpec {
        key,
        labels,
        columns: &COLUMNS,
    }
}

/// The groups, in printed order (each printed as five columns of the one value row).
const GROUPS: [RowSpec; 3] = [
    group("administrative_review", &["行政复议"]),
    group("litigation_direct", &["未经复议直接起诉"]),
    group("litigation_after_review", &["复议后起诉"]),
];

/// The group of 行政复议.
pub const REVIEW: &str = "administrative_review";

/// The two groups of 行政诉讼.
pub const LITIGATION: [&str; 2] = ["litigation_direct", "litigation_after_review"];

/// The results the narrative restates after a 行政复议/行政诉讼 figure: the word its label
/// ends on (`结果维持 2 件`) and the column.
pub const RESULT_WORDS: [(&str, usize); 5] = [
    ("维持", 0),
    ("纠正", 1),
    ("其他结果", 2),
    ("尚未审结", 3),
    ("未审结", 3),
];

/// 表四.
pub fn spec() -> TableSpec {
    TableSpec {
        id: TableId::ReviewLitigation,
        rows: GROUPS.iter().collect(),
    }
}

/// A group's cell in the column at `index`.
pub fn cell(group: &'static str, index: usize) -> CellRef<'static> {
    CellRef {
        table: TableId::ReviewLitigation,
        row: group,
        column: COLUMNS[index],
        index,
    }
}

/// R4–R6: in each group, 总计 = the four results.
pub fn equations(spec: &TableSpec) -> Vec<Equation> {
    let width = COLUMNS.len();
    spec.rows
        .iter()
        .enumerate()
        .map(|(g, group)| Equation {
            rule: Rule::ReviewLitigationTotals,
            result: g * width + TOTAL,
            extra: Vec::new(),
            parts: (0..TOTAL).map(|c| g * width + c).collect(),
            scope: format!("{}: 总计 = 维持 + 纠正 + 其他 + 尚未审结", group.key),
        })
        .collect()
}
