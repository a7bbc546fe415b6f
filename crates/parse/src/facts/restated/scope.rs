//! Whose figure a sentence gives: a restatement is compared with the table only when the
//! sentence attributes it to the body the table covers.
//!
//! Scope rule. The subject of a figure is its clause before the figure's keyword
//! (`区政府办代表区政府受理…申请` → `区政府办代表区政府`), cut before `代表`/`作为`/`受…委托`
//! and without leading fillers (`其中`, `全年`, `2023年`…); when that is empty, the first
//! clause of the sentence, cut the same way (`区政府办公室作为主管部门，全年受理…` →
//! `区政府办公室`). The subject counts only when it is a body as a whole: a
//! self-reference (`我区`, `全市`, `本机关`, `本局`), `各…`, or a name ending in an organ
//! word (`…政府办`, `…办公室`, `…局`, `…街道`, `…中心`, `…单位`…). The figure is about the
//! table's body when there is no such subject, when it is a self-reference or `各…`, when
//! the report's agency is unknown, or when the subject abbreviates the agency: its
//! characters appear in order in the agency's name (人民政府 read as 政府) and it ends with
//! the same character (`区政府` and `市场监管局` for `东浦区人民政府` and
//! `青岚区市场监督管理局`). Any other subject — an office acting for the government, one
//! department, a subordinate unit — is a narrower body: the figure is reported, not
//! compared.

use std::sync::LazyLock;

use regex::Regex;

use govreport_document::squeeze;
use govreport_model::record::Record;

/// Where the figure itself starts in a label: the words that name what is counted.
static FIGURE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"共?(?:受理|收到|新收|接收|办结|答复|上年结转|结转|发生|被申请|申请|行政复议|行政诉讼|予以公开|部分公开|不予|无法提供)")
        .expect("valid regex")
});

/// A whole clause that names a body: a self-reference, `各…`, or a name ending in an
/// organ word.
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[我本全](?:市|区|县|镇|乡|街道|局|委|中心|机关|单位|部门|办|院|所|站|厅|系统|级)",
        r"|各\p{Han}{1,4}",
        r"|\p{Han}{0,16}(?:政府办|政府|办公室|办公厅|委员会|管委会|办事处|街道|中心|分局|局|委|厅",
        r"|部门|单位|派出所|所|站|大队|支队|院|学校|乡|镇))$"
    ))
    .expect("valid regex")
});

/// Words after which a clause no longer names its subject (`代表`, `作为`, `受…委托`).
const CUT: [&str; 6] = ["代表", "作为", "受", "委托", "负责", "牵头"];

/// A bracketed aside in a subject: `区政府办公室（区政务公开办）`.
static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^（()）]*[）)]").expect("valid regex"));

/// Fillers before a subject (`其中区住建局`, `2023年区政府`).
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:其中|另有|另|此外|同时|全年|本年度|年内|今年|共|累计|[0-9]{4}年度?)+")
        .expect("valid regex")
});

/// The record's section texts, whitespace removed, for finding a count's sentence.
pub struct Sentences(Vec<String>);

impl Sentences {
    /// Collects the sections' texts.
    pub fn new(record: &Record) -> Self {
        Sentences(record.sections.iter().map(|s| squeeze(&s.text)).collect())
    }

    /// The text of the sentence before the count printed as `text` (empty when not found).
    pub fn before(&self, text: &str) -> String {
        let text = squeeze(text);
        if text.is_empty() {
            return String::new();
        }
        self.0
            .iter()
            .find_map(|section| {
                let at = section.find(&text)?;
                let head = &section[..at];
                let start = head.rfind(['。', '！', '？', '；']).map_or(0, |i| i + 3);
                Some(head[start..].to_string())
            })
            .unwrap_or_default()
    }
}

/// The narrower body a figure is about, or None when it is about the table's body.
/// `label` is the count's label; `before` the text of its sentence before the label.
pub fn other_body(label: &str, before: &str, agency: Option<&str>) -> Option<String> {
    let clause = FIGURE_WORD
        .find(label)
        .map_or(label, |m| &label[..m.start()]);
    let first_clause = before
        .split(['，', ','])
        .map(subject)
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    let subject = match subject(clause) {
        s if s.is_empty() => first_clause,
        s => s,
    };
    if !BODY.is_match(&subject) {
        return None;
    }
    (!same_body(&subject, agency?)).then_some(subject)
}

/// A clause cut before `代表`/`作为`…, without leading fillers; `政府信息` does not name a body.
fn subject(clause: &str) -> String {
    let cut = CUT
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .unwrap_or(clause.len());
    let clause = LEAD.replace(&clause[..cut], "");
    if clause.contains("政府信息") {
        return String::new();
    }
    BRACKETED.replace_all(&clause, "").into_owned()
}

/// True when `subject` is a self-reference, `各…`, or an abbreviation of `agency`.
fn same_body(subject: &str, agency: &str) -> bool {
    if subject.starts_with(['我', '本', '全', '各']) {
        return true;
    }
    let norm = |s: &str| s.replace("人民政府", "政府");
    let (s, a) = (norm(subject), norm(agency));
    let mut rest = a.chars();
    let in_order = s.chars().all(|c| rest.any(|d| d == c));
    in_order && s.chars().last() == a.chars().last()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISTRICT: Option<&str> = Some("东浦区人民政府");

    #[test]
    fn an_office_or_department_is_a_narrower_body() {
        for (label, before, agency, want) in [
            (
                "区政府办代表区政府受理政府信息公开申请",
                "",
                DISTRICT,
                "区政府办",
            ),
            (
                "全年受理政府信息公开申请",
                "区政府办公室作为主管部门，",
                DISTRICT,
                "区政府办公室",
            ),
            ("区财政局受理政府信息公开申请", "", DISTRICT, "区财政局"),
            ("其中区住建局收到申请", "", DISTRICT, "区住建局"),
            (
                "下属事业单位收到申请",
                "",
                Some("青岚区市场监督管理局"),
                "下属事业单位",
            ),
            (
                "受理政府信息公开申请",
                "区政府办公室（区政务公开办）",
                DISTRICT,
                "区政府办公室",
            ),
            (
                "局属各学校共收到申请",
                "",
                Some("南湖区教育局"),
                "局属各学校",
            ),
        ] {
            assert_eq!(
                other_body(label, before, agency).as_deref(),
                Some(want),
                "{label}"
            );
        }
    }

    #[test]
    fn the_agency_itself_or_the_whole_is_the_same_body() {
        for (label, before, agency) in [
            ("全区受理政府信息公开申请", "", DISTRICT),
            (
                "全年新收政府信息公开申请",
                "2023年，我区坚持公开为常态，",
                DISTRICT,
            ),
            ("区政府受理政府信息公开申请", "", DISTRICT),
            ("东浦区人民政府共收到申请", "", DISTRICT),
            ("本机关收到申请", "", DISTRICT),
            ("市场监管局受理申请", "", Some("青岚区市场监督管理局")),
            ("区政府办公室收到申请", "", Some("东浦区人民政府办公室")),
            ("全市各部门共受理申请", "", Some("江川市人民政府")),
            ("区政府办受理申请", "", None),
        ] {
            assert_eq!(other_body(label, before, agency), None, "{label}");
        }
    }
}
