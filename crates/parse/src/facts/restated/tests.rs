//! Restatements found, matched to their cells, and compared.

use serde_json::json;

use super::*;
use crate::facts::counts::find_counts;
use crate::facts::narrative::TextLine;
use govreport_model::codes::CheckStatus;
use govreport_model::record::Source;

/// A record with small tables and the counts of `text`.
fn record(text: &str) -> Record {
    let mut r = Record::new(Source::default());
    let row = |v: i64| json!([v, 0, 0, 0, 0, 0, v]);
    r.tables = serde_json::from_value(json!({
        "active_disclosure": null,
        "applications": {
            "columns": [],
            "rows": {
                "new_requests": row(21), "carried_over": row(2), "granted": row(15),
                "partially_granted": row(1), "denied_state_secret": row(1),
                "denied_third_party_rights": row(2), "total_processed": row(20),
                "denied_prohibited_by_law": row(0), "denied_three_safeties": row(0),
                "denied_internal_affairs": row(0), "denied_process_information": row(0),
                "denied_enforcement_files": row(0), "denied_administrative_query": row(0),
                "carried_forward": row(3)
            }
        },
        "review_litigation": {
            "administrative_review": {"upheld": 2, "corrected": 1, "other": 0, "pending": 0, "total": 3},
            "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
            "litigation_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}
        }
    }))
    .expect("tables");
    let lines = [TextLine {
        page: Some(2),
        text: text.into(),
    }];
    r.counts = find_counts(&lines);
    r
}

fn statuses(text: &str) -> Vec<(CheckStatus, Option<String>)> {
    checks(&record(text))
        .into_iter()
        .map(|c| (c.status, c.path.map(|p| p.to_string())))
        .collect()
}

#[test]
fn a_restated_new_request_total_agrees() {
    let got = checks(&record("2023年全区受理政府信息公开申请 21件，均按时答复。"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].status, CheckStatus::Pass);
    assert_eq!(
        got[0].path,
        Some("tables.applications.rows.new_requests[6]".into())
    );
    assert!(got[0].message.contains("受理政府信息公开申请 21件"));
    assert!(got[0].message.contains("page 2"));
}

#[test]
fn a_figure_that_differs_from_the_table_fails_with_both_values() {
    let got = checks(&record(
        "全年新收政府信息公开申请 25 件，上年结转申请 2 件。",
    ));
    assert_eq!(got[0].status, CheckStatus::Fail);
    assert!(got[0].message.contains("25 件") && got[0].message.contains("is 21"));
    assert_eq!(got[1].status, CheckStatus::Pass);
}

#[test]
fn received_including_carried_over_also_agrees() {
    assert_eq!(
        statuses("共受理政府信息公开申请 23 件。")[0].0,
        CheckStatus::Pass
    );
}

#[test]
fn outcome_groups_follow_their_application_sentence() {
    let got = statuses(
        "共收到政府信息公开申请 21 件，其中予以公开 15 件，部分公开 1 件，不予公开 3 件，办结 20 件，结转下年度办理 3 件。",
    );
    let passes: Vec<CheckStatus> = got.iter().map(|(s, _)| *s).collect();
    assert_eq!(passes, [CheckStatus::Pass; 6]);
    assert_eq!(got[3].1, None, "不予公开 is a sum of rows");
}

#[test]
fn results_are_read_in_the_review_or_lawsuit_they_follow() {
    let got = statuses(
        "发生行政复议 3 件，其中结果维持 2 件，结果纠正 1 件；行政诉讼 2 件，其中结果维持 1 件，尚未审结 1 件。",
    );
    assert_eq!(got.len(), 6);
    assert!(got.iter().all(|(s, _)| *s == CheckStatus::Pass), "{got:?}");
    assert_eq!(
        got[1].1.as_deref(),
        Some("tables.review_litigation.administrative_review.upheld")
    );
}

#[test]
fn counts_that_restate_nothing_give_no_check() {
    assert!(
        statuses("全年主动公开政府信息 294 条，办理人大代表建议 3 件，结果维持 2 件。").is_empty()
    );
}

#[test]
fn a_missing_table_gives_no_check() {
    let mut r = record("发生行政复议 3 件。");
    r.tables.review_litigation = None;
    assert!(checks(&r).is_empty());
}

/// `record(text)` for the report of 东浦区人民政府, with `text` as section 1.
fn district_record(text: &str) -> Record {
    let mut r = record(text);
    r.report.agency = Some("东浦区人民政府".into());
    r.sections = vec![govreport_model::record::Section {
        number: 1,
        heading: "总体情况".into(),
        page: Some(2),
        text: text.into(),
        topic: govreport_model::codes::Topic::Overview,
    }];
    r
}

#[test]
fn a_figure_for_a_narrower_body_is_skipped_not_failed() {
    let got = checks(&district_record(
        "区政府办代表区政府受理政府信息公开申请 17 件，其中予以公开 9 件。全区共受理政府信息公开申请 21 件。",
    ));
    let statuses: Vec<&str> = got.iter().map(|c| c.status.as_str()).collect();
    assert_eq!(statuses, ["skipped", "skipped", "pass"]);
    assert!(got[0].message.contains("区政府办"), "{}", got[0].message);
    assert!(got[0].message.contains("(21)"), "{}", got[0].message);
    assert_eq!(
        got[0].path,
        Some("tables.applications.rows.new_requests[6]".into())
    );
}

#[test]
fn a_subject_earlier_in_the_sentence_sets_the_scope() {
    let got = checks(&district_record(
        "区政府办公室作为政府信息公开工作主管部门，全年受理政府信息公开申请 17 件。",
    ));
    assert_eq!(got[0].status, CheckStatus::Skipped);
    let got = checks(&district_record(
        "2023年，我区坚持公开为常态，全年受理政府信息公开申请 25 件。",
    ));
    assert_eq!(
        got[0].status,
        CheckStatus::Fail,
        "the district's own figure is compared"
    );
}

/// The statuses and messages of the checks on `text`.
fn read(text: &str) -> Vec<(CheckStatus, String)> {
    checks(&record(text))
        .into_iter()
        .map(|c| (c.status, c.message))
        .collect()
}

#[test]
fn outcome_groups_joined_by_a_conjunction_are_summed() {
    for text in [
        "共收到申请 21 件，其中予以公开及部分公开 16 件。",
        "共收到申请 21 件，其中予以公开和部分公开 16 件，不予公开、无法提供 3 件。",
        "收到申请 21 件，予以公开与部分公开的 16 件。",
    ] {
        let got = read(text);
        assert!(!got.is_empty(), "{text}");
        assert!(
            got.iter().all(|(s, _)| *s == CheckStatus::Pass),
            "{text}: {got:?}"
        );
    }
    let got = read("共收到申请 21 件，其中予以公开及部分公开 17 件。");
    assert_eq!(got[1].0, CheckStatus::Fail);
    assert!(
        got[1].1.contains("（一）予以公开 + （二）部分公开 is 16"),
        "{}",
        got[1].1
    );
}

#[test]
fn the_keyword_nearest_the_figure_names_it() {
    let got = read(
        "所有办结的信息公开申请中同意公开答复 15 件，同意部分公开答复 1 件，不同意公开答复 3 件。",
    );
    let statuses: Vec<CheckStatus> = got.iter().map(|(s, _)| *s).collect();
    assert_eq!(statuses, [CheckStatus::Pass; 3], "{got:?}");
    assert!(got[0].1.contains("（一）予以公开"), "{}", got[0].1);
    let got = read("所有办结的信息公开申请中同意公开答复 20 件。");
    assert_eq!(
        got[0].0,
        CheckStatus::Fail,
        "compared with 予以公开 (15), not 办结 (20)"
    );
}

#[test]
fn a_share_beside_a_figure_keeps_the_run() {
    let got =
        read("共收到政府信息公开申请 21 件（100%），其中予以公开 15 件（71.43%），部分公开 1 件。");
    let statuses: Vec<CheckStatus> = got.iter().map(|(s, _)| *s).collect();
    assert_eq!(statuses, [CheckStatus::Pass; 3], "{got:?}");
}

#[test]
fn a_figure_after_another_count_in_its_clause_is_read_by_its_own_keyword() {
    let got = read("共收到申请 21 件，办结 20 件，其中 15 件予以公开，1 件部分公开。");
    let statuses: Vec<CheckStatus> = got.iter().map(|(s, _)| *s).collect();
    assert_eq!(statuses, [CheckStatus::Pass; 4], "{got:?}");
}

#[test]
fn a_figure_that_cannot_be_attributed_is_skipped_with_the_reason() {
    let got = read("收到申请 21 件，予以公开、部分公开等 20 件。");
    assert_eq!(got[1].0, CheckStatus::Skipped);
    assert!(got[1].1.contains("等"), "{}", got[1].1);
    let got = read("收到申请 21 件，予以公开、部分公开等 16 件。");
    assert_eq!(got[1].0, CheckStatus::Pass);
    let got = read("收到申请 21 件，予以公开、部分公开等 10 件。");
    assert_eq!(got[1].0, CheckStatus::Fail, "below the listed groups' sum");
    let got = read("上年结转申请 2 件，上年结转申请中予以公开 2 件。");
    assert_eq!(got[0].0, CheckStatus::Pass);
    assert_eq!(got[1].0, CheckStatus::Skipped);
    assert!(got[1].1.contains("within 「上年结转」"), "{}", got[1].1);
}
