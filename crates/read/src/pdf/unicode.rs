//! Character clean-up for text layers whose ToUnicode maps point at radical or
//! compatibility code points (Chromium with Noto CJK writes `⼈` U+2F08 for 人).

use unicode_normalization::UnicodeNormalization;

/// CJK Radicals Supplement forms that stand for a simplified character, and that character.
const SUPPLEMENT: [(char, char); 24] = [
    ('⺠', '民'),
    ('⻅', '见'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻢', '马'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻋', '车'),
    ('⻉', '贝'),
    ('⻄', '西'),
    ('⻩', '黄'),
    ('⻝', '食'),
    ('⻬', '齐'),
    ('⻰', '龙'),
    ('⻆', '角'),
    ('⻘', '青'),
    ('⻥', '鱼'),
    ('⻤', '鬼'),
    ('⻨', '麦'),
    ('⻦', '鸟'),
    ('⺟', '母'),
    ('⻣', '骨'),
    ('⻈', '讠'),
];

/// The unified ideograph for a Kangxi radical, radical-supplement or compatibility
/// ideograph code point; any other character unchanged.
pub fn canonical(c: char) -> char {
    match c as u32 {
        0x2F00..=0x2FDF | 0xF900..=0xFAFF => c.nfkc().next().unwrap_or(c),
        0x2E80..=0x2EFF => SUPPLEMENT
            .iter()
            .find(|(r, _)| *r == c)
            .map_or(c, |(_, u)| *u),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn radicals_become_the_characters_they_stand_for() {
        let text: String = "东浦区⼈⺠政府⼯作".chars().map(canonical).collect();
        assert_eq!(text, "东浦区人民政府工作");
    }

    #[test]
    fn ordinary_characters_are_unchanged() {
        assert_eq!(canonical('中'), '中');
        assert_eq!(canonical('１'), '１');
    }
}
