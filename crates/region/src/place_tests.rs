//! The table of hand-checked bodies, and the placement rules one by one.

use super::*;
use AgencyKind::{Department, Government, Office, Other, Township};
use AgencyLevel::{City, County, Province};

/// One row: body name, report text, expected code, body level and kind.
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<AgencyLevel>,
    AgencyKind,
);

/// Bodies with the code each belongs to, every code looked up by hand in data/divisions.tsv.
#[rustfmt::skip]
const TABLE: &[Row] = &[
    // Every level, by full name.
    ("江苏省人民政府", "", Some("320000"), Some(Province), Government),
    ("南京市人民政府", "", Some("320100"), Some(City), Government),
    ("淮安市洪泽区人民政府", "", Some("320813"), Some(County), Government),
    ("洪泽区人民政府", "淮安市洪泽区人民政府现将…", Some("320813"), Some(County), Government),
    ("内蒙古自治区人民政府", "", Some("150000"), Some(Province), Government),
    ("阿克苏地区行政公署", "", Some("652900"), Some(City), Government),
    ("锡林郭勒盟行政公署", "", Some("152500"), Some(City), Government),
    ("东莞市人民政府", "", Some("441900"), Some(City), Government),
    ("三沙市人民政府", "", Some("460300"), Some(City), Government),
    ("吉林省吉林市人民政府", "", Some("220200"), Some(City), Government),
    // Offices and departments.
    ("江苏省人民政府办公厅", "", Some("320000"), Some(Province), Office),
    ("南京市鼓楼区人民政府办公室", "", Some("320106"), Some(County), Office),
    ("南京市鼓楼区教育局", "", Some("320106"), Some(County), Department),
    ("南京市人民防空办公室", "", Some("320100"), Some(City), Department),
    ("广西壮族自治区教育厅", "", Some("450000"), Some(Province), Department),
    ("新疆维吾尔自治区人民政府办公厅", "", Some("650000"), Some(Province), Office),
    // Same-named districts, told apart by the name or the text.
    ("徐州市鼓楼区人民政府", "", Some("320302"), Some(County), Government),
    ("开封市鼓楼区人民政府", "", Some("410204"), Some(County), Government),
    ("鼓楼区人民政府", "根据条例，南京市鼓楼区人民政府编制本报告。", Some("320106"), Some(County), Government),
    ("鼓楼区人民政府", "福州市鼓楼区2019年政府信息公开工作", Some("350102"), Some(County), Government),
    ("鼓楼区人民政府", "本报告由区政府办公室编制。", None, Some(County), Government),
    ("长春市朝阳区人民政府", "", Some("220104"), Some(County), Government),
    ("朝阳区人民政府", "北京市朝阳区人民政府", Some("110105"), Some(County), Government),
    ("朝阳区人民政府", "", None, Some(County), Government),
    ("城区人民政府", "", None, Some(County), Government),
    ("宁波市江北区人民政府", "", Some("330205"), Some(County), Government),
    ("重庆市江北区人民政府", "", Some("500105"), Some(County), Government),
    // Municipalities and their districts.
    ("北京市人民政府", "", Some("110000"), Some(Province), Government),
    ("北京市朝阳区教育委员会", "", Some("110105"), Some(County), Department),
    ("上海市浦东新区人民政府", "", Some("310115"), Some(County), Government),
    ("天津市滨海新区人民政府", "", Some("120116"), Some(County), Government),
    // County-level cities, under a city or under the province.
    ("昆山市人民政府", "", Some("320583"), Some(County), Government),
    ("苏州市昆山市人民政府", "", Some("320583"), Some(County), Government),
    ("仙桃市人民政府", "", Some("429004"), Some(County), Government),
    ("湖北省潜江市人民政府", "", Some("429005"), Some(County), Government),
    ("济源市人民政府", "", Some("419001"), Some(County), Government),
    ("石河子市人民政府", "", Some("659001"), Some(County), Government),
    // A name with a later place inside the first (兵团's 师市合一), and one outside it.
    ("新疆生产建设兵团第八师石河子市", "", Some("659001"), Some(County), Other),
    ("广东省人民政府驻北京办事处", "", Some("440000"), Some(Province), Department),
    // Autonomous divisions and their short forms.
    ("恩施土家族苗族自治州人民政府", "", Some("422800"), Some(City), Government),
    ("恩施州人民政府", "", Some("422800"), Some(City), Government),
    ("恩施市人民政府", "", Some("422801"), Some(County), Government),
    ("延边朝鲜族自治州人民政府", "", Some("222400"), Some(City), Government),
    ("延边州教育局", "", Some("222400"), Some(City), Department),
    ("阿坝藏族羌族自治州人民政府办公室", "", Some("513200"), Some(City), Office),
    ("阿坝州人民政府", "", Some("513200"), Some(City), Government),
    ("海西州人民政府", "", Some("632800"), Some(City), Government),
    ("长阳土家族自治县人民政府", "", Some("420528"), Some(County), Government),
    ("长阳县人民政府", "", Some("420528"), Some(County), Government),
    // Streets and towns take their county.
    ("南京市鼓楼区宁海路街道办事处", "", Some("320106"), Some(AgencyLevel::Township), Township),
    ("宁海路街道办事处", "南京市鼓楼区宁海路街道办事处", Some("320106"), Some(AgencyLevel::Township), Township),
    ("淮安市洪泽区高良涧街道办事处", "", Some("320813"), Some(AgencyLevel::Township), Township),
    ("昆山市周市镇人民政府", "", Some("320583"), Some(AgencyLevel::Township), Township),
    ("南京市玄武镇人民政府", "本镇位于南京市江宁区", Some("320115"), Some(AgencyLevel::Township), Township),
    // Renamed and merged divisions, under the report's name with today's code.
    ("洪泽县人民政府", "洪泽县隶属江苏省淮安市", Some("320813"), Some(County), Government),
    ("淮安市洪泽县人民政府", "", Some("320813"), Some(County), Government),
    ("南京市江宁县人民政府", "", Some("320115"), Some(County), Government),
    ("江苏省吴江市人民政府", "", Some("320509"), Some(County), Government),
    ("奉化市人民政府", "", Some("330213"), Some(County), Government),
    ("宁波市奉化区人民政府", "", Some("330213"), Some(County), Government),
    ("襄樊市人民政府", "", Some("420600"), Some(City), Government),
    ("下关区人民政府", "", Some("320106"), Some(County), Government),
    ("莱芜市莱城区人民政府", "", Some("370116"), Some(County), Government),
    ("济南市莱芜区人民政府", "", Some("370116"), Some(County), Government),
    ("莱芜市人民政府", "", Some("370100"), Some(City), Government),
    ("那曲地区行政公署", "", Some("540600"), Some(City), Government),
    // Zones that are no division sit in the division they are named with.
    ("南京市江北新区管理委员会", "", Some("320100"), Some(City), Department),
    ("苏州工业园区管理委员会", "", Some("320500"), Some(City), Department),
    // A suffix variant with nothing above it named is a guess, and no guess is made.
    ("洪泽县人民政府", "洪泽县位于洪泽湖畔", None, None, Government),
    // Invented names (the samples' bodies) that are near a real division's give null.
    ("新河市住房公积金管理中心", "", None, None, Department),
    ("平川县和平镇人民政府", "", None, Some(AgencyLevel::Township), Township),
    ("江川市人民政府", "", None, None, Government),
    ("清河市环境保护局", "", None, None, Department),
    ("西山市生态环境局", "", None, None, Department),
    ("青岚区市场监督管理局", "", None, None, Department),
    ("石湾区人民政府办公室", "", None, None, Office),
    ("东浦区望江街道办事处", "", None, Some(AgencyLevel::Township), Township),
    ("桐山县罗田镇人民政府", "", None, Some(AgencyLevel::Township), Township),
    // National bodies: no region, no level, no ambiguity.
    ("国务院办公厅", "北京市", None, None, Office),
    ("国家发展和改革委员会", "", None, None, Department),
    ("自然资源部", "江苏省南京市", None, None, Department),
];

#[test]
fn the_table_of_hand_checked_bodies() {
    assert!(TABLE.len() >= 40);
    for &(agency, text, code, level, kind) in TABLE {
        let p = place(Some(agency), None, text);
        assert_eq!(p.region.as_ref().map(|r| r.code.as_str()), code, "{agency}");
        assert_eq!(p.agency_level, level, "{agency}");
        assert_eq!(p.agency_kind, kind, "{agency}");
        assert_eq!(
            p.region.is_some(),
            p.ambiguous.is_empty() && code.is_some(),
            "{agency}"
        );
    }
}

#[test]
fn an_ambiguous_name_lists_its_candidates_and_guesses_none() {
    let p = place(Some("鼓楼区人民政府"), None, "");
    let codes: Vec<&str> = p.ambiguous.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["320106", "320302", "350102", "410204"]);
    let msg = p.ambiguity().unwrap();
    assert!(
        msg.starts_with("fits 4 divisions: 320106 江苏省南京市鼓楼区, "),
        "{msg}"
    );
    let p = place(Some("城区人民政府"), None, "");
    let codes: Vec<&str> = p.ambiguous.iter().map(|r| r.code.as_str()).collect();
    // 阳泉, 晋城, 汕尾 have a 城区 today; 大同's and 长治's were renamed in 2018.
    assert_eq!(codes, ["140213", "140302", "140403", "140502", "441502"]);
    let p = place(Some("桥东区人民政府"), None, "");
    let codes: Vec<&str> = p.ambiguous.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["130502", "130702"]);
    let p = place(Some("桥东区人民政府"), None, "邢台市桥东区");
    assert_eq!(p.region.unwrap().name, "襄都区");
}

#[test]
fn a_former_name_is_read_only_for_the_years_it_was_in_use() {
    let codes = |year| {
        let p = place_in_year(Some("双桥区住房和城乡建设局"), None, "", year);
        let mut codes: Vec<String> = p.region.into_iter().map(|r| r.code).collect();
        codes.extend(p.ambiguous.into_iter().map(|r| r.code));
        codes
    };
    // 重庆's 双桥区 was merged into 大足区 (500111) in 2011; 承德's (130802) remains.
    assert_eq!(codes(Some(2025)), ["130802"]);
    assert_eq!(codes(Some(2010)), ["130802", "500111"]);
    assert_eq!(codes(None), ["130802", "500111"]);
}

#[test]
fn a_province_in_the_text_narrows_but_need_not_decide() {
    let p = place(Some("鼓楼区人民政府"), None, "江苏省鼓楼区");
    let codes: Vec<&str> = p.ambiguous.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["320106", "320302"]);
    assert!(p.region.is_none());
}

#[test]
fn the_title_places_a_body_and_tells_apart_before_the_text() {
    let title = "江苏省淮安市洪泽区人民政府2020年政府信息公开工作年度报告";
    let p = place(None, Some(title), "");
    assert_eq!(p.region.unwrap().code, "320813");
    assert_eq!(p.agency_kind, Government);
    let title = "南京市鼓楼区人民政府2019年政府信息公开工作年度报告";
    let p = place(Some("鼓楼区人民政府"), Some(title), "徐州市鼓楼区");
    assert_eq!(p.region.unwrap().code, "320106");
}

#[test]
fn the_text_places_a_body_whose_name_has_no_place() {
    let p = place(
        Some("区教育局"),
        None,
        "淮安市洪泽区教育局2021年政府信息公开工作年度报告",
    );
    assert_eq!(
        (p.region.unwrap().code.as_str(), p.agency_level),
        ("320813", Some(County))
    );
    let p = place(None, None, "");
    assert_eq!(
        (p.region, p.agency_level, p.agency_kind),
        (None, None, Other)
    );
}

#[test]
fn cited_rules_do_not_place_a_body_but_the_report_title_does() {
    let text = "根据《江苏省政府信息公开规定》，现公布《南京市鼓楼区教育局2019年政府信息公开工作年度报告》。";
    assert_eq!(
        place(Some("区教育局"), None, text).region.unwrap().code,
        "320106"
    );
}

#[test]
fn a_trailing_note_in_brackets_does_not_change_the_kind() {
    let p = place(
        Some("南京市鼓楼区人民政府办公室（区政务服务管理办公室）"),
        None,
        "",
    );
    assert_eq!(
        (p.agency_kind, p.region.unwrap().code.as_str()),
        (Office, "320106")
    );
    assert_eq!(strip_note("（注）"), "（注）");
}

#[test]
fn a_national_body_named_only_in_the_title_is_national() {
    let p = place(
        None,
        Some("国务院办公厅2019年政府信息公开工作年度报告"),
        "北京市",
    );
    assert_eq!(
        (p.region, p.agency_level, p.agency_kind),
        (None, None, Office)
    );
    assert!(p.ambiguous.is_empty());
}

#[test]
fn without_places_leaves_the_body() {
    assert_eq!(without_places("淮安市洪泽区人民政府"), "人民政府");
    assert_eq!(without_places("洪泽区 人民政府"), "人民政府");
    assert_eq!(without_places("江苏省淮安市洪泽县教育局"), "教育局");
    assert_eq!(
        without_places("南京市鼓楼区宁海路街道办事处"),
        "宁海路街道办事处"
    );
    assert_eq!(without_places("宁海路街道办事处"), "宁海路街道办事处");
    assert_eq!(
        without_places("国家税务总局北京市税务局"),
        "国家税务总局北京市税务局"
    );
    assert_eq!(without_places("洪泽区"), "");
}

#[test]
fn title_body_is_the_name_before_the_year() {
    assert_eq!(
        title_body("鼓楼区人民政府2019年政府信息公开工作年度报告"),
        "鼓楼区人民政府"
    );
    assert_eq!(
        title_body("2019年度鼓楼区人民政府政府信息公开工作年度报告"),
        "鼓楼区人民政府"
    );
}

#[test]
fn placement_serialises_with_the_record_names() {
    let p = place(Some("淮安市洪泽区人民政府"), None, "");
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["region"]["code"], "320813");
    assert_eq!(json["region"]["city"], "淮安市");
    assert_eq!(json["agency_level"], "county");
    assert_eq!(json["agency_kind"], "government");
}

#[test]
fn placing_many_bodies_is_quick_enough_to_finish() {
    for _ in 0..200 {
        for &(agency, text, ..) in TABLE {
            std::hint::black_box(place(Some(agency), None, text));
        }
    }
}

/// How many divisions a name may mean: those named so today, and those it formerly named.
fn namesakes(name: &str) -> usize {
    use crate::index::INDEX;
    let mut codes: Vec<&str> = INDEX
        .divisions
        .iter()
        .filter(|d| d.name == name)
        .map(|d| d.code.as_str())
        .collect();
    let changes = include_str!("../data/changes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'));
    let former = changes
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|r| r[1] == name);
    codes.extend(former.map(|r| r[2]));
    codes.sort_unstable();
    codes.dedup();
    codes.len()
}

#[test]
fn every_division_is_placed_by_its_path_and_by_its_name_when_unique() {
    use crate::index::INDEX;
    for (i, d) in INDEX.divisions.iter().enumerate() {
        let r = Region::of(i);
        let path = place(Some(&format!("{}人民政府", r.full_name())), None, "");
        assert_eq!(
            path.region.as_ref().map(|r| r.code.as_str()),
            Some(d.code.as_str())
        );
        let own = place(Some(&format!("{}人民政府", d.name)), None, "");
        match &own.region {
            Some(got) => assert_eq!(
                (got.code.as_str(), namesakes(&d.name)),
                (d.code.as_str(), 1)
            ),
            None => assert_eq!(own.ambiguous.len(), namesakes(&d.name), "{}", d.name),
        }
    }
}
