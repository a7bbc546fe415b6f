//! A record's tables laid out like the printed national tables (表二, 表三, 表四, or the
//! pre-2019 statistics), with repaired cells and cells of failing equations marked.

use serde_json::Value;

use super::Html;
pub use super::marks::Marks;
use govreport_model::record::{Row, Statistics, Table, Tables};
use govreport_model::template::{CellPath, CellRef, TableId};

/// 表三's row labels (record.md), in table order.
pub const APPLICATION_ROWS: [(&str, &str); 26] = [
    ("new_requests", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "三（一）予以公开"),
    ("partially_granted", "三（二）部分公开"),
    ("denied_state_secret", "（三）1.属于国家秘密"),
    (
        "denied_prohibited_by_law",
        "（三）2.其他法律行政法规禁止公开",
    ),
    ("denied_three_safeties", "（三）3.危及“三安全一稳定”"),
    ("denied_third_party_rights", "（三）4.保护第三方合法权益"),
    ("denied_internal_affairs", "（三）5.属于三类内部事务信息"),
    ("denied_process_information", "（三）6.属于四类过程性信息"),
    ("denied_enforcement_files", "（三）7.属于行政执法案卷"),
    ("denied_administrative_query", "（三）8.属于行政查询事项"),
    ("unable_not_held", "（四）1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", "（四）2.没有现成信息需要另行制作"),
    (
        "unable_unclear_after_correction",
        "（四）3.补正后申请内容仍不明确",
    ),
    ("not_processed_complaint", "（五）1.信访举报投诉类申请"),
    ("not_processed_repeated", "（五）2.重复申请"),
    ("not_processed_publication", "（五）3.要求提供公开出版物"),
    ("not_processed_excessive", "（五）4.无正当理由大量反复申请"),
    (
        "not_processed_confirmation",
        "（五）5.要求行政机关确认或重新出具已获取信息",
    ),
    (
        "other_overdue_correction",
        "（六）1.申请人无正当理由逾期不补正",
    ),
    (
        "other_overdue_fee",
        "（六）2.申请人逾期未按收费通知要求缴纳费用",
    ),
    ("other_other", "（六）3.其他"),
    ("other_processing", "（六）其他处理"),
    ("total_processed", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
];

/// Labels of 表二 rows and columns, 表三 columns, 表四 groups and columns (both formats).
pub const LABELS: [(&str, &str); 33] = [
    ("regulations", "规章"),
    ("normative_documents", "规范性文件"),
    ("administrative_licensing", "行政许可"),
    ("other_external_services", "其他对外管理服务事项"),
    ("administrative_penalty", "行政处罚"),
    ("administrative_coercion", "行政强制"),
    ("administrative_fees", "行政事业性收费"),
    ("centralized_procurement", "政府集中采购"),
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
    ("decisions", "处理决定数量"),
    ("amount", "金额（万元）"),
    ("new_made", "本年新制作数量"),
    ("new_published", "本年新公开数量"),
    ("total_published", "对外公开总数量"),
    ("previous_year_items", "上一年项目数量"),
    ("change", "本年增/减"),
    ("projects", "采购项目数量"),
    ("administrative_review", "行政复议"),
    ("litigation_direct", "行政诉讼 未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼 复议后起诉"),
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("social_welfare_organization", "社会公益组织"),
    ("legal_service_agency", "法律服务机构"),
    ("other_organization", "其他组织"),
];

/// The printed label of a key (the key itself when unknown).
pub fn label(key: &str) -> &str {
    APPLICATION_ROWS
        .iter()
        .chain(&LABELS)
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, l)| l)
}

/// All tables of a record.
pub fn render(h: &mut Html, tables: &Tables, marks: &Marks) {
    if let Some(t) = &tables.active_disclosure {
        active(h, t, marks);
    }
    if let Some(t) = &tables.applications {
        applications(h, t, marks);
    }
    if let Some(t) = &tables.review_litigation {
        review(h, t, marks);
    }
    if let Some(t) = &tables.statistics {
        statistics(h, t, marks);
    }
}

/// 表二: one block per run of rows with the same columns, each under its column header.
fn active(h: &mut Html, t: &Table, marks: &Marks) {
    h.raw("<h4>表二 主动公开政府信息情况</h4><table class=t>");
    let mut previous: Vec<&str> = Vec::new();
    for row in &t.rows {
        let columns: Vec<&str> = row.cells.iter().map(|c| c.column.as_str()).collect();
        if columns != previous {
            h.raw("<tr><th class=l>信息内容");
            for c in &columns {
                h.el("<th>", label(c), "");
            }
            previous = columns;
        }
        h.el("<tr><td>", label(&row.key), "");
        cells(h, t.id, row, marks);
    }
    h.raw("</table>");
}

/// A row's cells, each marked by its path.
fn cells(h: &mut Html, table: TableId, row: &Row, marks: &Marks) {
    for (index, cell) in row.cells.iter().enumerate() {
        let at = CellRef {
            table,
            row: &row.key,
            column: &cell.column,
            index,
        };
        marks.cell(h, &at.path(), cell.value.as_ref(), cell.printed.as_deref());
    }
}

/// 表三: the applicant columns under 申请人情况, one row per printed row.
fn applications(h: &mut Html, t: &Table, marks: &Marks) {
    h.raw("<h4>表三 收到和处理政府信息公开申请情况</h4><table class=t><tr><th class=l rowspan=2>")
        .raw("<th colspan=7>申请人情况<tr><th>自然人<th>商业企业<th>科研机构<th>社会公益组织")
        .raw("<th>法律服务机构<th>其他<th>总计");
    for row in &t.rows {
        h.el("<tr><td>", label(&row.key), "");
        cells(h, t.id, row, marks);
    }
    h.raw("</table>");
}

/// 表四: 行政复议 and the two 行政诉讼 groups, five results each, in one row.
fn review(h: &mut Html, t: &Table, marks: &Marks) {
    h.raw("<h4>表四 政府信息公开行政复议、行政诉讼情况</h4><table><tr>");
    for group in &t.rows {
        h.el("<th colspan=5>", label(&group.key), "");
    }
    h.raw("<tr>");
    for group in &t.rows {
        for c in &group.cells {
            h.el("<th>", label(&c.column), "");
        }
    }
    h.raw("<tr>");
    for group in &t.rows {
        cells(h, t.id, group, marks);
    }
    h.raw("</table>");
}

/// Pre-2019 statistics: indicator, unit, one column per value column.
fn statistics(h: &mut Html, t: &Statistics, marks: &Marks) {
    h.raw("<h4>统计表</h4><table class=t><tr><th class=l>统计指标<th>单位");
    for c in &t.columns {
        h.el("<th>", c, "");
    }
    for (r, row) in t.rows.iter().enumerate() {
        h.el("<tr><td>", &row.text, "")
            .el("<td>", row.unit.as_deref().unwrap_or_default(), "");
        for (i, v) in row.values.iter().enumerate() {
            let printed = t.printed.get(&format!("rows[{r}].values[{i}]"));
            let path = CellPath::StatisticsCell(r, i);
            marks.cell(h, &path, v.as_number(), printed.and_then(Value::as_str));
        }
    }
    h.raw("</table>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_model::record::Check;
    use serde_json::json;

    /// The tables of a record with `checks`, both given as JSON (absent tables null).
    fn page(tables: Value, checks: Value) -> String {
        let mut all =
            json!({"active_disclosure": null, "applications": null, "review_litigation": null});
        all.as_object_mut()
            .unwrap()
            .extend(tables.as_object().unwrap().clone());
        let tables: Tables = serde_json::from_value(all).unwrap();
        let checks: Vec<Check> = serde_json::from_value(checks).unwrap();
        let mut h = Html::new();
        render(&mut h, &tables, &Marks::of(&checks, &tables));
        h.into_string()
    }

    #[test]
    fn table_two_repeats_its_header_where_the_columns_change() {
        let html = page(
            json!({"active_disclosure": {
                "regulations": {"issued": 1, "repealed": 0, "in_force": 5},
                "normative_documents": {"issued": 2, "repealed": 1, "in_force": 9},
                "administrative_licensing": {"decisions": 7},
                "printed": {"regulations.repealed": "/"}}}),
            json!([]),
        );
        assert_eq!(html.matches("<th class=l>信息内容").count(), 2, "{html}");
        assert!(html.contains("<td>规章<td>1<td>0<td>5"), "{html}");
        assert!(html.contains("<th>处理决定数量"), "{html}");
    }

    #[test]
    fn repaired_and_failing_cells_are_marked_and_statistics_laid_out() {
        let html = page(
            json!({"applications": {"columns": ["natural_person"], "rows": {
                    "new_requests": [3], "total_processed": [null]},
                    "printed": {"rows.total_processed[0]": "—"}},
                   "statistics": {"columns": ["统计数"], "rows": [
                    {"label": "主动公开政府信息数", "text": "（一）主动公开政府信息数", "unit": "条",
                     "values": [12]}]}}),
            json!([
                {"rule": "applications.balance", "status": "repaired", "message": "", "path": "tables.applications.rows.new_requests[0]"},
                {"rule": "statistics.parts_sum", "status": "fail", "message": "", "path": "tables.statistics.rows[0].values[0]"}]),
        );
        assert!(html.contains("<td class=rep>3"), "{html}");
        assert!(html.contains("<td>—"), "{html}");
        assert!(
            html.contains("<td>（一）主动公开政府信息数<td>条<td class=bad>12"),
            "{html}"
        );
    }
}
