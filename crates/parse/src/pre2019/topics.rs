//! Section topics, the same in every era, so that one question can be asked of a 2012
//! and a 2024 report.

use govreport_model::codes::Topic;

/// The topics of the six sections of 2019+ reports, by number.
pub(crate) const NATIONAL: [Topic; 6] = [
    Topic::Overview,
    Topic::Active,
    Topic::Applications,
    Topic::ReviewLitigation,
    Topic::Problems,
    Topic::Other,
];

/// The topic of a 2019+ report's section `number` (1–6).
pub fn by_number(number: u8) -> Topic {
    NATIONAL
        .get(usize::from(number).wrapping_sub(1))
        .copied()
        .unwrap_or(Topic::Other)
}

/// Heading words by topic, tried in this order (复议 before 申请: `因…申请行政复议…`).
const WORDS: [(Topic, &[&str]); 8] = [
    (
        Topic::ReviewLitigation,
        &["行政复议", "行政诉讼", "复议", "诉讼", "申诉"],
    ),
    (Topic::Fees, &["收费", "减免"]),
    (Topic::Applications, &["依申请", "申请公开", "收到和处理"]),
    (Topic::Consultation, &["咨询"]),
    (Topic::Active, &["主动公开"]),
    (
        Topic::Problems,
        &["问题", "改进", "不足", "努力方向", "下一步"],
    ),
    (
        Topic::Overview,
        &["概述", "概况", "总体", "基本情况", "主要工作"],
    ),
    (Topic::Other, &["其他", "其它", "需要说明"]),
];

/// The topic of a pre-2019 heading (without its numeral): an unnumbered `附表`/`附件`
/// heading is `appendix`; a mixed one such as `需要说明的事项与附表` is `other`.
pub fn of_heading(heading: &str) -> Topic {
    if ["附表", "附件", "附图"]
        .iter()
        .any(|a| heading.starts_with(a))
    {
        return Topic::Appendix;
    }
    WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| heading.contains(w)))
        .map_or(Topic::Other, |(topic, _)| *topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_headings_and_their_variants_map_to_topics() {
        let cases = [
            ("概述", "overview"),
            ("主要工作概述", "overview"),
            ("主动公开政府信息情况", "active"),
            ("依申请公开政府信息情况", "applications"),
            ("政府信息公开的收费及减免情况", "fees"),
            ("人员、收费及减免情况", "fees"),
            (
                "因政府信息公开申请行政复议和提起行政诉讼的情况",
                "review_litigation",
            ),
            ("咨询处理情况", "consultation"),
            ("存在的主要问题及改进措施", "problems"),
            ("政府信息公开工作存在的主要问题及改进措施", "problems"),
            ("其他需要报告的事项", "other"),
            ("需要说明的事项与附表", "other"),
            ("附表", "appendix"),
            ("附件：政府信息公开情况统计表", "appendix"),
            ("组织机构建设", "other"),
        ];
        for (heading, topic) in cases {
            assert_eq!(of_heading(heading).as_str(), topic, "{heading}");
        }
        assert_eq!(by_number(4), Topic::ReviewLitigation);
        assert_eq!(by_number(6), Topic::Other);
    }
}
