//! Words written twice in a row by mistake (`资金资金`), in the narrative.
//!
//! Rule, conservative on purpose (a false finding is worse than a missed one): a run of two
//! to six Chinese characters immediately repeated is a doubled word, unless
//! - it is one character (`常常`, `人人`, `万万`, `的的确确`: single characters double
//!   legitimately too often to tell);
//! - its characters are all the same (`哈哈哈哈`) or it starts with a numeral (`一个一个`,
//!   `一步一步`, `十年十年`);
//! - it is a verb or adjective that Chinese repeats on purpose (`研究研究`, `讨论讨论`,
//!   `雪白雪白`: [`REDUPLICATIONS`]).

use govreport_model::codes::AuditRule;
use govreport_model::record::Finding;

use crate::facts::narrative::Stream;

/// Two-character words that are doubled on purpose (ABAB reduplication).
const REDUPLICATIONS: &[&str] = &[
    "研究", "讨论", "学习", "商量", "考虑", "了解", "交流", "休息", "活动", "锻炼", "介绍", "检查",
    "整理", "收拾", "打扫", "认识", "体验", "比较", "尝试", "琢磨", "思考", "准备", "调查", "分析",
    "总结", "沟通", "联系", "协调", "帮助", "指导", "表扬", "教育", "提醒", "关心", "解释", "说明",
    "打听", "请教", "放松", "高兴", "热闹", "暖和", "凉快", "雪白", "通红", "笔直", "冰凉", "火热",
    "乌黑", "碧绿", "滚烫", "漆黑", "蔚蓝",
];

/// Characters that start a numeral-classifier phrase (`一个一个`).
const NUMERALS: &str = "一二三四五六七八九十百千万两几半〇零";

/// Chinese characters (the CJK unified ideographs).
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Every doubled word in the narrative, with its page.
pub fn findings(narrative: &Stream) -> Vec<Finding> {
    let text = narrative.text();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match doubled_at(&chars, i) {
            Some(len) => {
                let word: String = chars[i..i + len].iter().map(|(_, c)| c).collect();
                let (start, _) = chars[i];
                let end = chars.get(i + 2 * len).map_or(text.len(), |(b, _)| *b);
                let context = around(&chars, i, 2 * len);
                let message = format!(
                    "「{word}」 is written twice in a row: 「{}」 in 「{context}」",
                    &text[start..end]
                );
                out.push(
                    Finding::new(AuditRule::DoubledWord, message).on_page(narrative.page_at(start)),
                );
                i += 2 * len;
            }
            None => i += 1,
        }
    }
    out
}

/// The length of the doubled word starting at `i`, if one does.
fn doubled_at(chars: &[(usize, char)], i: usize) -> Option<usize> {
    (2..=6).rev().find(|&len| {
        let Some(both) = chars.get(i..i + 2 * len) else {
            return false;
        };
        let (a, b) = both.split_at(len);
        a.iter().zip(b).all(|((_, x), (_, y))| x == y)
            && a.iter().all(|(_, c)| is_han(*c))
            && !a.iter().all(|(_, c)| *c == a[0].1)
            && !NUMERALS.contains(a[0].1)
            && !REDUPLICATIONS.contains(&a.iter().map(|(_, c)| c).collect::<String>().as_str())
    })
}

/// The doubled span with up to six characters either side, for the message.
fn around(chars: &[(usize, char)], i: usize, len: usize) -> String {
    let from = i.saturating_sub(6);
    let to = (i + len + 6).min(chars.len());
    chars[from..to].iter().map(|(_, c)| c).collect()
}
