//! 表三 (收到和处理政府信息公开申请情况) as data: its rows in both layouts of （六）, its
//! seven columns, its anchor words, its equations and the figures the narrative restates.

use super::{Anchors, CellRef, RowSpec, TableId, TableSpec};
use crate::codes::Rule;
use crate::equations::Equation;

/// Words that locate 表三.
pub const ANCHORS: Anchors = Anchors {
    region: &["申请人情况", "本年新收"],
    body: &["申请人情况", "勾稽", "本年新收"],
    page: &["本年新收政府信息公开申请数量", "申请人情况"],
};

/// 一、本年新收: in the balance rule, and restated by the narrative (`受理申请 N 件`).
pub const NEW_REQUESTS: &str = "new_requests";
/// 二、上年结转: in the balance rule, and restated by the narrative.
pub const CARRIED_OVER: &str = "carried_over";
/// （七）总计: the outcome rows' sum, and restated by the narrative (`办结 N 件`).
pub const TOTAL_PROCESSED: &str = "total_processed";
/// 四、结转下年度: in the balance rule, and restated by the narrative.
pub const CARRIED_FORWARD: &str = "carried_forward";

const fn row(key: &'static str, labels: &'static [&'static str]) -> RowSpec {
    RowSpec {
        key,
        labels,
        columns: &COLUMNS,
    }
}

/// 表三's seven value columns, in printed order; the last is the row's total.
pub const COLUMNS: [&str; 7] = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_agency",
    "other_organization",
    "total",
];

/// 表三 rows up to （五）5, shared by both layouts of （六）.
const HEAD: [RowSpec; 20] = [
    row(NEW_REQUESTS, &["本年新收政府信息公开申请数量", "本年新收"]),
    row(CARRIED_OVER, &["上年结转政府信息公开申请数量", "上年结转"]),
    row("granted", &["予以公开"]),
    row(
        "partially_granted",
        &["部分公开", "区分处理", "只计这一情形"],
    ),
    row("denied_state_secret", &["属于国家秘密"]),
    row(
        "denied_prohibited_by_law",
        &["其他法律行政法规禁止公开", "法律行政", "禁止公开"],
    ),
    row(
        "denied_three_safeties",
        &["危及三安全一稳定", "三安全一稳定"],
    ),
    row(
        "denied_third_party_rights",
        &["保护第三方合法权益", "第三方"],
    ),
    row(
        "denied_internal_affairs",
        &["属于三类内部事务信息", "内部事务", "三类内容事务"],
    ),
    row(
        "denied_process_information",
        &["属于四类过程性信息", "过程性信息"],
    ),
    row(
        "denied_enforcement_files",
        &["属于行政执法案卷", "行政执法案卷"],
    ),
    row(
        "denied_administrative_query",
        &["属于行政查询事项", "行政查询"],
    ),
    row("unable_not_held", &["本机关不掌握相关政府信息", "不掌握"]),
    row(
        "unable_needs_creation",
        &["没有现成信息需要另行制作", "另行制作"],
    ),
    row(
        "unable_unclear_after_correction",
        &["补正后申请内容仍不明确", "仍不明确"],
    ),
    row(
        "not_processed_complaint",
        &["信访举报投诉类申请", "信访举报"],
    ),
    row("not_processed_repeated", &["重复申请"]),
    row(
        "not_processed_publication",
        &["要求提供公开出版物", "公开出版物"],
    ),
    row(
        "not_processed_excessive",
        &["无正当理由大量反复申请", "大量反复"],
    ),
    row(
        "not_processed_confirmation",
        &[
            "要求行政机关确认或重新出具已获取信息",
            "重新出具",
            "已获取信息",
        ],
    ),
];

const SPLIT_SIX: [RowSpec; 3] = [
    row(
        "other_overdue_correction",
        &["申请人无正当理由逾期不补正", "逾期不补正"],
    ),
    row(
        "other_overdue_fee",
        &[
            "申请人逾期未按收费通知要求缴纳费用",
            "逾期未按收费",
            "逾期不缴费",
        ],
    ),
    row("other_other", &["3.其他", "3、其他", "其他"]),
];

/// The key of （六）其他处理 printed as one row.
pub const OTHER_PROCESSING: &str = "other_processing";

const ONE_SIX: [RowSpec; 1] = [row(OTHER_PROCESSING, &["（六）其他处理", "其他处理"])];

const TAIL: [RowSpec; 2] = [
    row(TOTAL_PROCESSED, &["（七）总计", "总计"]),
    row(CARRIED_FORWARD, &["结转下年度继续办理", "结转下年度"]),
];

/// How 表三 prints （六）其他处理: as one row (2019 format) or as three sub-rows (2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SixLayout {
    /// （六）其他处理 as one row, `other_processing`.
    OneRow,
    /// （六） as 1. 逾期不补正, 2. 逾期未按收费, 3. 其他.
    ThreeRows,
}

impl SixLayout {
    /// The layout a table shows: its labels name a sub-row, or it prints as many value
    /// rows as the three-row layout has.
    pub fn detect(text: &str, value_rows: usize) -> SixLayout {
        let marked = THREE_ROW_MARKERS.iter().any(|m| text.contains(m));
        if marked || value_rows == spec(SixLayout::ThreeRows).rows.len() {
            SixLayout::ThreeRows
        } else {
            SixLayout::OneRow
        }
    }
}

/// 表三 in one layout.
pub fn spec(layout: SixLayout) -> TableSpec {
    let six: &'static [RowSpec] = match layout {
        SixLayout::ThreeRows => &SPLIT_SIX,
        SixLayout::OneRow => &ONE_SIX,
    };
    TableSpec {
        id: TableId::Applications,
        rows: HEAD.iter().chain(six).chain(TAIL.iter()).collect(),
    }
}

/// Labels whose presence in 表三 shows that （六） is printed as three sub-rows
/// (templates.md §6.1: the fee and correction rows, or a `3.其他` row).
const THREE_ROW_MARKERS: [&str; 6] = [
    "逾期不补正",
    "逾期未按收费",
    "逾期不缴费",
    "缴纳费用",
    "3.其他",
    "3、其他",
];

/// Position of the 总计 column.
pub const TOTAL: usize = 6;

/// The 总计 cell of a row (in a layout that has it; the rows named here are in both).
pub fn total_of(row: &'static str) -> CellRef<'static> {
    CellRef {
        table: TableId::Applications,
        row,
        column: COLUMNS[TOTAL],
        index: TOTAL,
    }
}

/// The outcome groups （一）–（五） the narrative sums (`不予公开 3 件`): the word it
/// ends on, the group as printed, and the group's rows.
pub const OUTCOME_GROUPS: [(&str, &str, &[&str]); 5] = [
    ("予以公开", "（一）予以公开", &["granted"]),
    ("部分公开", "（二）部分公开", &["partially_granted"]),
    (
        "不予公开",
        "（三）不予公开",
        &[
            "denied_state_secret",
            "denied_prohibited_by_law",
            "denied_three_safeties",
            "denied_third_party_rights",
            "denied_internal_affairs",
            "denied_process_information",
            "denied_enforcement_files",
            "denied_administrative_query",
        ],
    ),
    (
        "无法提供",
        "（四）无法提供",
        &[
            "unable_not_held",
            "unable_needs_creation",
            "unable_unclear_after_correction",
        ],
    ),
    (
        "不予处理",
        "（五）不予处理",
        &[
            "not_processed_complaint",
            "not_processed_repeated",
            "not_processed_publication",
            "not_processed_excessive",
            "not_processed_confirmation",
        ],
    ),
];

/// The rules of templates.md §6.2 over the flat cells of a layout.
pub fn equations(spec: &TableSpec) -> Vec<Equation> {
    let width = COLUMNS.len();
    let at = |key: &str| spec.rows.iter().position(|r| r.key == key);
    let mut out = Vec::new();
    let (Some(new), Some(carried), Some(total), Some(forward)) = (
        at(NEW_REQUESTS),
        at(CARRIED_OVER),
        at(TOTAL_PROCESSED),
        at(CARRIED_FORWARD),
    ) else {
        return out;
    };
    for (c, col) in COLUMNS.iter().enumerate() {
        out.push(Equation {
            rule: Rule::ApplicationsBalance,
            result: total * width + c,
            extra: vec![forward * width + c],
            parts: vec![new * width + c, carried * width + c],
            scope: format!("column {col}: （七）总计 + 四、结转 = 一、新收 + 二、上年结转"),
        });
    }
    for (r, row) in spec.rows.iter().enumerate() {
        out.push(Equation {
            rule: Rule::ApplicationsRowTotals,
            result: r * width + TOTAL,
            extra: Vec::new(),
            parts: (0..TOTAL).map(|c| r * width + c).collect(),
            scope: format!("row {}: 总计 = sum of the six applicant columns", row.key),
        });
    }
    for (c, col) in COLUMNS.iter().enumerate() {
        out.push(Equation {
            rule: Rule::ApplicationsOutcomeSum,
            result: total * width + c,
            extra: Vec::new(),
            parts: (carried + 1..total).map(|r| r * width + c).collect(),
            scope: format!("column {col}: （七）总计 = sum of the outcome rows"),
        });
    }
    out
}
