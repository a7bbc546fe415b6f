//! Section topics, the same in every era, so that one question can be asked of a 2012
//! and a 2024 report.

/// The topics of the six sections of 2019+ reports, by number.
const NATIONAL: [&str; 6] = [
    "overview",
    "active",
    "applications",
    "review_litigation",
    "problems",
    "other",
];

/// The topic of a 2019+ report's section `number` (1–6).
pub fn by_number(number: u8) -> &'static str {
    NATIONAL
        .get(usize::from(number).wrapping_sub(1))
        .copied()
        .unwrap_or("other")
}

/// Heading words by topic, tried in this order (复议 before 申请: `因…申请行政复议…`).
const WORDS: [(&str, &[&str]); 8] = [
    (
        "review_litigation",
        &["行政复议", "行政诉讼", "复议", "诉讼", "申诉"],
    ),
    ("fees", &["收费", "减免"]),
    ("applications", &["依申请", "申请公开", "收到和处理"]),
    ("consultation", &["咨询"]),
    ("active", &["主动公开"]),
    ("problems", &["问题", "改进", "不足", "努力方向", "下一步"]),
    (
        "overview",
        &["概述", "概况", "总体", "基本情况", "主要工作"],
    ),
    ("other", &["其他", "其它", "需要说明"]),
];

/// The topic of a pre-2019 heading (without its numeral): an unnumbered `附表`/`附件`
/// heading is `appendix`; a mixed one such as `需要说明的事项与附表` is `other`.
pub fn of_heading(heading: &str) -> &'static str {
    if ["附表", "附件", "附图"]
        .iter()
        .any(|a| heading.starts_with(a))
    {
        return "appendix";
    }
    WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| heading.contains(w)))
        .map_or("other", |(topic, _)| topic)
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
            assert_eq!(of_heading(heading), topic, "{heading}");
        }
        assert_eq!(by_number(4), "review_litigation");
        assert_eq!(by_number(6), "other");
    }
}
