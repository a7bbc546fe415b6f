//! Placing the reporting body on the map: `report.region`, `agency_level` and
//! `agency_kind` (crate `govreport-region`), the `region_ambiguous` warning, and the
//! agency key, which takes the region's code.

use govreport_document::layout::Line;
use govreport_model::codes::{AgencyKind, AgencyLevel, DivisionLevel, WarningCode};
use govreport_model::record::{Record, Region, Warning};
use govreport_region as placer;

/// How much of the report's opening is handed to the placer, in characters (it reads no
/// further than the body is usually named).
const OPENING_CHARS: usize = 5000;

/// Places the body of a record whose title, agency and year are set: from its agency name
/// as its key reads it (a bare place name, `石湾区`, is its 人民政府), else the title, else
/// the opening text; sets the region, level, kind and agency key and warns when the name
/// fits several divisions.
pub fn fill(record: &mut Record, lines: &[Line]) {
    let r = &record.report;
    let agency = r.agency.as_deref().map(crate::agency::name_key);
    let p = placer::place_in_year(
        agency.as_deref(),
        r.title.as_deref(),
        &opening(lines),
        r.year,
    );
    if let Some(message) = p.ambiguity() {
        let warning = Warning::new(WarningCode::RegionAmbiguous, message);
        record.warnings.push(warning);
    }
    let report = &mut record.report;
    report.region = p.region.map(from_region);
    report.agency_level = p.agency_level.map(from_level);
    report.agency_kind = Some(from_kind(p.agency_kind));
    let code = report.region.as_ref().map(|r| r.code.as_str());
    report.agency_key = (report.agency.as_deref()).map(|a| crate::agency::agency_key(a, code));
}

/// The text of the first lines, up to about [`OPENING_CHARS`] characters.
fn opening(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for line in lines {
        if chars >= OPENING_CHARS {
            break;
        }
        let text = line.text();
        chars += text.chars().count() + 1;
        out.push_str(&text);
        out.push('\n');
    }
    out
}

/// The record's region of a placed division.
fn from_region(r: placer::Region) -> Region {
    let level = match r.level {
        placer::Level::Province => DivisionLevel::Province,
        placer::Level::City => DivisionLevel::City,
        placer::Level::County => DivisionLevel::County,
    };
    Region {
        code: r.code,
        name: r.name,
        level,
        province: r.province,
        city: r.city,
        county: r.county,
    }
}

/// The record's agency level of the placer's.
pub fn from_level(level: placer::AgencyLevel) -> AgencyLevel {
    match level {
        placer::AgencyLevel::Province => AgencyLevel::Province,
        placer::AgencyLevel::City => AgencyLevel::City,
        placer::AgencyLevel::County => AgencyLevel::County,
        placer::AgencyLevel::Township => AgencyLevel::Township,
    }
}

/// The record's agency kind.
fn from_kind(kind: placer::AgencyKind) -> AgencyKind {
    match kind {
        placer::AgencyKind::Government => AgencyKind::Government,
        placer::AgencyKind::Office => AgencyKind::Office,
        placer::AgencyKind::Department => AgencyKind::Department,
        placer::AgencyKind::Township => AgencyKind::Township,
        placer::AgencyKind::Other => AgencyKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport_document::layout::text_line;
    use govreport_model::record::Source;

    /// A record with this title and agency, placed from these lines of text.
    fn placed(title: &str, agency: Option<&str>, text: &[&str], year: i32) -> Record {
        let mut record = Record::new(Source::default());
        record.report.title = Some(title.into());
        record.report.agency = agency.map(String::from);
        record.report.year = Some(year);
        let lines: Vec<Line> = text
            .iter()
            .enumerate()
            .map(|(i, t)| text_line(t, i))
            .collect();
        fill(&mut record, &lines);
        record
    }

    #[test]
    fn a_placed_body_gets_region_level_kind_and_a_coded_key() {
        let title = "淮安市洪泽区人民政府2024年政府信息公开工作年度报告";
        let r = placed(title, Some("淮安市洪泽区人民政府"), &[], 2024).report;
        let region = r.region.unwrap();
        assert_eq!(
            (region.code.as_str(), region.level),
            ("320813", DivisionLevel::County)
        );
        assert_eq!(region.city.as_deref(), Some("淮安市"));
        assert_eq!(r.agency_level, Some(AgencyLevel::County));
        assert_eq!(r.agency_kind, Some(AgencyKind::Government));
        assert_eq!(r.agency_key.as_deref(), Some("320813:人民政府"));
    }

    #[test]
    fn an_ambiguous_name_warns_with_its_candidates_and_is_not_placed() {
        let title = "鼓楼区人民政府2023年政府信息公开工作年度报告";
        let record = placed(
            title,
            Some("鼓楼区人民政府"),
            &["本报告由区政府办公室编制。"],
            2023,
        );
        assert!(record.report.region.is_none());
        assert_eq!(record.report.agency_key.as_deref(), Some("鼓楼区人民政府"));
        let w = &record.warnings[0];
        assert_eq!(w.code, WarningCode::RegionAmbiguous);
        assert!(
            w.message.contains("320106 江苏省南京市鼓楼区"),
            "{}",
            w.message
        );
    }

    #[test]
    fn the_opening_text_tells_same_named_districts_apart() {
        let text = [
            "鼓楼区人民政府2023年政府信息公开工作年度报告",
            "福州市鼓楼区人民政府办公室编制",
        ];
        let r = placed(text[0], Some("鼓楼区人民政府"), &text, 2023).report;
        assert_eq!(r.region.unwrap().code, "350102");
    }

    #[test]
    fn a_bare_place_name_is_its_government() {
        let title = "2023年洪泽区政府信息公开工作年度报告";
        let r = placed(title, Some("洪泽区"), &[], 2023).report;
        assert_eq!(r.agency_kind, Some(AgencyKind::Government));
        assert_eq!(r.agency_key.as_deref(), Some("320813:人民政府"));
    }

    #[test]
    fn the_opening_stops_after_enough_characters() {
        let long = "字".repeat(3000);
        let lines: Vec<Line> = (0..5).map(|i| text_line(&long, i)).collect();
        assert_eq!(opening(&lines).lines().count(), 2);
    }
}
