//! 表二 (主动公开政府信息情况) as data: its rows and their columns in the 2019 and 2021
//! formats, the header words that tell the formats apart, and its anchor words.

use super::{Anchors, RowSpec, TableId, TableSpec, Template};

/// Words that locate 表二.
pub const ANCHORS: Anchors = Anchors {
    region: &["第二十条", "信息内容"],
    body: &["第二十条", "信息内容"],
    page: &[],
};

const fn row(
    key: &'static str,
    labels: &'static [&'static str],
    columns: &'static [&'static str],
) -> RowSpec {
    RowSpec {
        key,
        labels,
        columns,
    }
}

const ISSUED: &[&str] = &["issued", "repealed", "in_force"];
const DECISIONS: &[&str] = &["decisions"];
const MADE: &[&str] = &["new_made", "new_published", "total_published"];
const ITEMS: &[&str] = &["previous_year_items", "change", "decisions"];

/// 表二 in the 2021 format.
const FORMAT_2021: [RowSpec; 6] = [
    row("regulations", &["规章"], ISSUED),
    row(
        "normative_documents",
        &["行政规范性文件", "规范性文件"],
        ISSUED,
    ),
    row("administrative_licensing", &["行政许可"], DECISIONS),
    row("administrative_penalty", &["行政处罚"], DECISIONS),
    row("administrative_coercion", &["行政强制"], DECISIONS),
    row("administrative_fees", &["行政事业性收费"], &["amount"]),
];

/// 表二 in the 2019 trial format.
const FORMAT_2019: [RowSpec; 8] = [
    row("regulations", &["规章"], MADE),
    row(
        "normative_documents",
        &["规范性文件", "行政规范性文件"],
        MADE,
    ),
    row("administrative_licensing", &["行政许可"], ITEMS),
    row(
        "other_external_services",
        &["其他对外管理服务事项", "其他对外管理"],
        ITEMS,
    ),
    row("administrative_penalty", &["行政处罚"], ITEMS),
    row("administrative_coercion", &["行政强制"], ITEMS),
    row(
        "administrative_fees",
        &["行政事业性收费"],
        &["previous_year_items", "change"],
    ),
    row(
        "centralized_procurement",
        &["政府集中采购"],
        &["projects", "amount"],
    ),
];

/// Header words that identify the 2019 表二.
const MARKERS_2019: [&str; 5] = [
    "本年新制作数量",
    "对外公开总数量",
    "上一年项目数量",
    "政府集中采购",
    "第（九）项",
];

/// Header words that identify the 2021 表二.
const MARKERS_2021: [&str; 4] = [
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
];

/// Which format 表二 follows, from its own header words.
pub fn detect(text: &str) -> Template {
    let hits = |markers: &[&str]| markers.iter().filter(|m| text.contains(*m)).count();
    let (new, old) = (hits(&MARKERS_2021), hits(&MARKERS_2019));
    if new == 0 && old == 0 {
        Template::Unknown
    } else if old > new {
        Template::Format2019
    } else {
        Template::Format2021
    }
}

/// 表二 in a format; None for an unknown one.
pub fn spec(format: Template) -> Option<TableSpec> {
    let rows: &'static [RowSpec] = match format {
        Template::Format2019 => &FORMAT_2019,
        Template::Format2021 => &FORMAT_2021,
        Template::Unknown | Template::Pre2019 => return None,
    };
    Some(TableSpec {
        id: TableId::ActiveDisclosure,
        rows: rows.iter().collect(),
    })
}
