//! Stable keys for the indicators of the widely used 2015–2018 "政府信息公开情况统计表",
//! and the provincial labels that mean the same (申请总数 = 收到申请数): template data.

use govreport_document::squeeze;

/// One keyed indicator: its key, the key its parent row must have (for labels that recur
/// under several rows, such as 维持具体行政行为数), and the labels it is printed with.
#[derive(Debug)]
pub struct KeySpec {
    /// The stable key.
    pub key: &'static str,
    /// The parent's key this label needs, if the label alone is ambiguous.
    pub under: Option<&'static str>,
    /// Labels as printed (numbering, `其中` and trailing notes removed).
    pub labels: &'static [&'static str],
}

const fn k(key: &'static str, labels: &'static [&'static str]) -> KeySpec {
    KeySpec {
        key,
        under: None,
        labels,
    }
}

const fn under(
    key: &'static str,
    parent: &'static str,
    labels: &'static [&'static str],
) -> KeySpec {
    KeySpec {
        key,
        under: Some(parent),
        labels,
    }
}

const UPHELD: &[&str] = &[
    "维持具体行政行为数",
    "维持具体行政行为或者驳回原告诉讼请求数",
    "维持数",
];
const CORRECTED: &[&str] = &["被依法纠错数", "被纠错数", "纠错数"];
const OTHER: &[&str] = &["其他情形数", "其它情形数"];

/// The keyed indicators, in the form's order.
pub const KEYS: [KeySpec; 58] = [
    k(
        "active.published",
        &["主动公开政府信息数", "主动公开信息数"],
    ),
    k("active.published.normative", &["主动公开规范性文件数"]),
    k("active.normative_issued", &["制发规范性文件总数"]),
    k("active.channel.gazette", &["政府公报公开政府信息数"]),
    k("active.channel.website", &["政府网站公开政府信息数"]),
    k("active.channel.weibo", &["政务微博公开政府信息数"]),
    k("active.channel.wechat", &["政务微信公开政府信息数"]),
    k("active.channel.other", &["其他方式公开政府信息数"]),
    k("response.hot_topics", &["回应公众关注热点或重大舆情数"]),
    k(
        "response.press_conferences",
        &["参加或举办新闻发布会总次数"],
    ),
    k(
        "response.press_conferences.principal",
        &["主要负责同志参加新闻发布会次数"],
    ),
    k("response.online_interviews", &["政府网站在线访谈次数"]),
    k(
        "response.online_interviews.principal",
        &["主要负责同志参加政府网站在线访谈次数"],
    ),
    k("response.interpretations", &["政策解读稿件发布数"]),
    k("response.weibo_wechat", &["微博微信回应事件数"]),
    k("response.other", &["其他方式回应事件数"]),
    k(
        "applications.received",
        &[
            "收到申请数",
            "申请总数",
            "收到政府信息公开申请数",
            "受理申请总数",
        ],
    ),
    k("applications.received.in_person", &["当面申请数"]),
    k("applications.received.fax", &["传真申请数"]),
    k(
        "applications.received.online",
        &["网络申请数", "网上申请数"],
    ),
    k("applications.received.letter", &["信函申请数"]),
    k("applications.completed", &["申请办结数"]),
    k("applications.completed.on_time", &["按时办结数"]),
    k("applications.completed.extended", &["延期办结数"]),
    k(
        "applications.answered",
        &["申请答复数", "对申请的答复总数", "申请答复总数"],
    ),
    k(
        "applications.answered.already_public",
        &["属于已主动公开范围数"],
    ),
    k("applications.answered.granted", &["同意公开答复数"]),
    k(
        "applications.answered.partially_granted",
        &["同意部分公开答复数"],
    ),
    k(
        "applications.answered.denied",
        &["不同意公开答复数", "否决公开答复总数", "不同意公开答复总数"],
    ),
    k(
        "applications.answered.denied.state_secret",
        &["涉及国家秘密"],
    ),
    k(
        "applications.answered.denied.commercial_secret",
        &["涉及商业秘密"],
    ),
    k("applications.answered.denied.privacy", &["涉及个人隐私"]),
    k(
        "applications.answered.denied.security_stability",
        &["危及国家安全、公共安全、经济安全和社会稳定"],
    ),
    k(
        "applications.answered.denied.not_government_information",
        &["不是《条例》所指政府信息"],
    ),
    k(
        "applications.answered.denied.other_law",
        &["法律法规规定的其他情形"],
    ),
    k(
        "applications.answered.not_this_agency",
        &["不属于本行政机关公开"],
    ),
    k("applications.answered.not_exist", &["申请信息不存在"]),
    k("applications.answered.clarify", &["告知作出更改补充"]),
    k(
        "applications.answered.other_channel",
        &["告知通过其他途径办理"],
    ),
    k("review.total", &["行政复议数量", "行政复议数"]),
    under("review.upheld", "review.total", UPHELD),
    under("review.corrected", "review.total", CORRECTED),
    under("review.other", "review.total", OTHER),
    k("litigation.total", &["行政诉讼数量", "行政诉讼数"]),
    under("litigation.upheld", "litigation.total", UPHELD),
    under("litigation.corrected", "litigation.total", CORRECTED),
    under("litigation.other", "litigation.total", OTHER),
    k("complaints.total", &["举报投诉数量", "举报投诉数"]),
    under("complaints.upheld", "complaints.total", UPHELD),
    under("complaints.corrected", "complaints.total", CORRECTED),
    under("complaints.other", "complaints.total", OTHER),
    k("fees.collected", &["依申请公开信息收取的费用"]),
    k("staff.offices", &["政府信息公开工作专门机构数"]),
    k("staff.reading_points", &["设置政府信息公开查阅点数"]),
    k("staff.total", &["从事政府信息公开工作人员数"]),
    k("staff.full_time", &["专职人员数"]),
    k("staff.part_time", &["兼职人员数"]),
    k("staff.budget", &["政府信息公开专项经费"]),
];

/// Keys of the meetings and training block (kept apart to keep [`KEYS`] readable).
pub const MEETING_KEYS: [KeySpec; 3] = [
    k(
        "meetings.conferences",
        &["召开政府信息公开工作会议或专题会议数"],
    ),
    k("meetings.trainings", &["举办各类培训班数"]),
    k("meetings.trainees", &["接受培训人员数"]),
];

/// The key of a row with this label, whose parent row has `parent_key`.
pub fn key_of(label: &str, parent_key: Option<&str>) -> Option<&'static str> {
    let label = squeeze(label);
    KEYS.iter()
        .chain(&MEETING_KEYS)
        .find(|s| {
            s.under.is_none_or(|u| Some(u) == parent_key)
                && s.labels.iter().any(|l| squeeze(l) == label)
        })
        .map(|s| s.key)
}

/// Whether a label names an indicator of the 2015–2018 form under any parent.
pub fn is_known(label: &str) -> bool {
    let label = squeeze(label);
    KEYS.iter()
        .chain(&MEETING_KEYS)
        .any(|s| s.labels.iter().any(|l| squeeze(l) == label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provincial_synonyms_map_and_recurring_labels_need_their_parent() {
        assert_eq!(key_of("申请总数", None), Some("applications.received"));
        assert_eq!(key_of("收到申请数", None), Some("applications.received"));
        assert_eq!(
            key_of("否决公开答复总数", None),
            Some("applications.answered.denied")
        );
        assert_eq!(
            key_of("维持具体行政行为数", Some("review.total")),
            Some("review.upheld")
        );
        assert_eq!(
            key_of("维持具体行政行为数", Some("complaints.total")),
            Some("complaints.upheld")
        );
        assert_eq!(key_of("维持具体行政行为数", None), None);
        assert_eq!(key_of("网站专栏页面访问量", None), None);
    }

    #[test]
    fn every_key_is_defined_once() {
        let mut keys: Vec<&str> = KEYS.iter().chain(&MEETING_KEYS).map(|s| s.key).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }
}
