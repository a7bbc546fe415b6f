//! The national table formats as data: row keys, their printed labels, columns and variants.

/// One data row of 表三: its record key and phrases that identify its printed label.
pub struct RowSpec {
    /// Key in `tables.applications.rows`.
    pub key: &'static str,
    /// Distinctive phrases of the printed label (any may match, misprints included).
    pub labels: &'static [&'static str],
}

const fn row(key: &'static str, labels: &'static [&'static str]) -> RowSpec {
    RowSpec { key, labels }
}

/// 表三's seven value columns, in printed order.
pub const APPLICATION_COLUMNS: [&str; 7] = [
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
    row(
        "new_requests",
        &["本年新收政府信息公开申请数量", "本年新收"],
    ),
    row(
        "carried_over",
        &["上年结转政府信息公开申请数量", "上年结转"],
    ),
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

const ONE_SIX: [RowSpec; 1] = [row("other_processing", &["（六）其他处理", "其他处理"])];

const TAIL: [RowSpec; 2] = [
    row("total_processed", &["（七）总计", "总计"]),
    row("carried_forward", &["结转下年度继续办理", "结转下年度"]),
];

/// The two row layouts of 表三: （六） as three sub-rows (2021 format) or as one row.
pub fn application_rows(split_six: bool) -> Vec<&'static RowSpec> {
    let six: &'static [RowSpec] = if split_six { &SPLIT_SIX } else { &ONE_SIX };
    HEAD.iter().chain(six).chain(TAIL.iter()).collect()
}

/// Labels whose presence in 表三 shows that （六） is printed as three sub-rows
/// (templates.md §6.1: the fee and correction rows, or a `3.其他` row).
pub const SPLIT_SIX_MARKERS: [&str; 6] = [
    "逾期不补正",
    "逾期未按收费",
    "逾期不缴费",
    "缴纳费用",
    "3.其他",
    "3、其他",
];

/// 表四's groups and the five columns of each, in printed order.
pub const REVIEW_GROUPS: [&str; 3] = [
    "administrative_review",
    "litigation_direct",
    "litigation_after_review",
];

/// The five result columns of each 表四 group; the last is the group total.
pub const REVIEW_COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// One data row of 表二: key, label phrases, and the record keys of its value columns.
pub struct ActiveRow {
    /// Key in `tables.active_disclosure`.
    pub key: &'static str,
    /// Label phrases, most specific first.
    pub labels: &'static [&'static str],
    /// Column keys, in printed order.
    pub columns: &'static [&'static str],
}

const fn arow(
    key: &'static str,
    labels: &'static [&'static str],
    columns: &'static [&'static str],
) -> ActiveRow {
    ActiveRow {
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
pub const ACTIVE_2021: [ActiveRow; 6] = [
    arow("regulations", &["规章"], ISSUED),
    arow(
        "normative_documents",
        &["行政规范性文件", "规范性文件"],
        ISSUED,
    ),
    arow("administrative_licensing", &["行政许可"], DECISIONS),
    arow("administrative_penalty", &["行政处罚"], DECISIONS),
    arow("administrative_coercion", &["行政强制"], DECISIONS),
    arow("administrative_fees", &["行政事业性收费"], &["amount"]),
];

/// 表二 in the 2019 trial format.
pub const ACTIVE_2019: [ActiveRow; 8] = [
    arow("regulations", &["规章"], MADE),
    arow(
        "normative_documents",
        &["规范性文件", "行政规范性文件"],
        MADE,
    ),
    arow("administrative_licensing", &["行政许可"], ITEMS),
    arow(
        "other_external_services",
        &["其他对外管理服务事项", "其他对外管理"],
        ITEMS,
    ),
    arow("administrative_penalty", &["行政处罚"], ITEMS),
    arow("administrative_coercion", &["行政强制"], ITEMS),
    arow(
        "administrative_fees",
        &["行政事业性收费"],
        &["previous_year_items", "change"],
    ),
    arow(
        "centralized_procurement",
        &["政府集中采购"],
        &["projects", "amount"],
    ),
];

/// Header words that identify the 2019 表二.
pub const MARKERS_2019: [&str; 5] = [
    "本年新制作数量",
    "对外公开总数量",
    "上一年项目数量",
    "政府集中采购",
    "第（九）项",
];

/// Header words that identify the 2021 表二.
pub const MARKERS_2021: [&str; 4] = [
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
];
