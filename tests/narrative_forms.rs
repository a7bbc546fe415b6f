//! Title, period and policy-date phrasings beyond the samples, through the binary on text
//! input: each case is a small report whose one varying part is the phrasing.

mod common;

use common::{govreport, records};
use serde_json::Value;
use std::fs;

const TITLE: &str = "南湖区人民政府2023年政府信息公开工作年度报告";
const BODY: &str = "一、总体情况\n本年度，我区认真贯彻落实。\n";

/// Writes each case as `<name>.txt`, extracts them all, and returns the records by name.
fn extract(cases: &[(&str, String)]) -> Vec<(String, Value)> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in cases {
        fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let out = govreport(&["extract", "-q", dir.path().to_str().unwrap()]);
    records(&out)
        .into_iter()
        .map(|r| {
            let path = r["source"]["path"].as_str().unwrap().to_string();
            let name = path.rsplit('/').next().unwrap().trim_end_matches(".txt");
            (name.to_string(), r)
        })
        .collect()
}

#[test]
fn titles_and_agencies() {
    let cases = [
        (
            "t01",
            "南湖区人民政府\n2023年政府信息公开工作年度报告",
            "南湖区人民政府",
        ),
        (
            "t02",
            "2023年南湖区财政局政府信息公\n开工作年度报告",
            "南湖区财政局",
        ),
        (
            "t03",
            "江川市南湖区\n人民政府2023年政府信息公开工作年度报告",
            "江川市南湖区人民政府",
        ),
        (
            "t04",
            "南湖区财政局\n2023年政府信息公开工作\n年度报告",
            "南湖区财政局",
        ),
        (
            "t05",
            "2023年度\n南湖区人民政府政府信息公开工作年度报告",
            "南湖区人民政府",
        ),
        (
            "t06",
            "南湖区司法局政府信息公开工作年度报告\n（2023年度）",
            "南湖区司法局",
        ),
        (
            "t07",
            "南 湖 区 人 民 政 府\n2023 年 政 府 信 息 公 开 工 作 年 度 报 告",
            "南湖区人民政府",
        ),
        (
            "t08",
            "关于南湖区2023年政府信息公开\n工作年度报告",
            "南湖区",
        ),
        (
            "t09",
            "南湖区卫生健康委员会关于2023年度政府信息公开工作情况的报告",
            "南湖区卫生健康委员会",
        ),
        (
            "t10",
            "南湖区望江街道办事处2023年政府信息公开工作年度报\n告",
            "南湖区望江街道办事处",
        ),
        (
            "t11",
            "索引号：113208/2024-0001\n发布日期：2024-01-20\n南湖区人民政府2023年政府信息公开工作年度报告",
            "南湖区人民政府",
        ),
        (
            "t12",
            "2023年\n南湖区教育局政府信息公开工作年度报告",
            "南湖区教育局",
        ),
        (
            "t13",
            "南湖区人民政府办公室\n2023年政府信息公开工作年度报告",
            "南湖区人民政府办公室",
        ),
        (
            "t14",
            "南湖区市场监督管理局2023年度政务公开工作年度报告",
            "南湖区市场监督管理局",
        ),
    ];
    let inputs: Vec<(&str, String)> = cases
        .iter()
        .map(|(n, t, _)| (*n, format!("{t}\n{BODY}")))
        .collect();
    for (name, r) in extract(&inputs) {
        let (_, text, agency) = cases.iter().find(|c| c.0 == name).unwrap();
        let title: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let title = title.trim_start_matches("索引号：113208/2024-0001发布日期：2024-01-20");
        assert_eq!(r["report"]["title"], title, "{name}");
        assert_eq!(r["report"]["agency"], *agency, "{name}");
        assert_eq!(r["report"]["year"], 2023, "{name}");
    }
}

#[test]
fn periods() {
    let cases = [
        ("p01", "本报告统计期限自2023-01-01至2023-12-31。"),
        ("p02", "统计时间：2023-01-01 至 2023-12-31。"),
        (
            "p03",
            "数据统计期限为 2023 年 01 月 01 日至 2023 年 12 月 31 日。",
        ),
        (
            "p04",
            "本报告所列数据统计期限自2023年1\n月1日起至2023年12月31日止。",
        ),
        ("p05", "报告期为2023.1.1—2023.12.31。"),
        ("p06", "统计期间：2023/01/01～2023/12/31"),
        ("p07", "统计期限为二〇二三年一月一日至十二月三十一日。"),
        ("p08", "统计期限为2023年1月至12月。"),
        ("p09", "统计时段为2023年1月1日—12月31日"),
        (
            "p10",
            "本报告中所列数据统计期限自2023年1月1日起，至2023年12月31日止。",
        ),
        (
            "p11",
            "2023年1月1日至2023年12月31日，本机关共主动公开信息。",
        ),
        ("p12", "数据统计时间段：2023年1月1日-2023年12月31日。"),
        (
            "p13",
            "统计期限为２０２３年１月１日至２０２３年１２月３１日。",
        ),
        ("p14", "起止时间：2023年1月1日到2023年12月31日"),
        ("p15", "统计期限：2023年1月1日至\n2023年12月31日"),
        (
            "p16",
            "本年度报告的统计期限为2023年度（2023年1月1日至12月31日）",
        ),
    ];
    let inputs: Vec<(&str, String)> = cases
        .iter()
        .map(|(n, t)| (*n, format!("{TITLE}\n{t}\n{BODY}")))
        .collect();
    let got = extract(&inputs);
    assert_eq!(got.len(), cases.len());
    for (name, r) in got {
        let p = &r["report"]["period"];
        assert_eq!(
            (&p["start"], &p["end"]),
            (&"2023-01-01".into(), &"2023-12-31".into()),
            "{name}"
        );
    }
}

#[test]
fn policy_dates_and_actions() {
    let cases = [
        (
            "d01",
            "印发《南湖区甲办法》（2023年3月5日印发）。",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d02",
            "《南湖区甲办法》（2023.3.5）",
            Some("2023-03-05"),
            None,
        ),
        (
            "d03",
            "2023.3.12 《南湖区甲办法》",
            Some("2023-03-12"),
            None,
        ),
        (
            "d04",
            "《南湖区甲办法》 2023-09-29",
            Some("2023-09-29"),
            None,
        ),
        (
            "d06",
            "《南湖区甲办法》于2023年3月5日正式印发。",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d07",
            "《南湖区甲办法》（南政发〔2023〕5号，2023年3月5日印发）",
            Some("2023-03-05"),
            Some("印发"),
        ),
        ("d08", "《南湖区甲办法》（2023年3月5日起施行）", None, None),
        (
            "d09",
            "《南湖区甲办法》(2023年3月5日发布)",
            Some("2023-03-05"),
            Some("发布"),
        ),
        (
            "d10",
            "《南湖区甲办法》（南政发〔2023〕5号）于2023年3月5日印发。",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d11",
            "《南湖区甲办法》，2023年3月5日印发；",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d12",
            "《南湖区甲办法》（2023年3月5日经区政府常务会议审议通过）",
            Some("2023-03-05"),
            Some("审议通过"),
        ),
        (
            "d13",
            "《南湖区甲办法》（二〇二三年三月五日印发）",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d14",
            "2023年3月5日，区政府办印发《南湖区甲办法》。",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d15",
            "《南湖区甲办法》【2023-03-05】",
            Some("2023-03-05"),
            None,
        ),
        (
            "d16",
            "《南湖区甲办法》（3月5日印发）",
            Some("2023-03-05"),
            Some("印发"),
        ),
        (
            "d17",
            "2023-03-05：《南湖区甲办法》",
            Some("2023-03-05"),
            None,
        ),
        (
            "d18",
            "《南湖区甲办法》 2023/3/5 发布",
            Some("2023-03-05"),
            Some("发布"),
        ),
    ];
    let inputs: Vec<(&str, String)> = cases
        .iter()
        .map(|(n, t, _, _)| (*n, format!("{TITLE}\n一、总体情况\n{t}\n")))
        .collect();
    for (name, r) in extract(&inputs) {
        let (_, _, date, action) = cases.iter().find(|c| c.0 == name).unwrap();
        let p = &r["policies"][0];
        assert_eq!(p["title"], "南湖区甲办法", "{name}");
        assert_eq!(
            (p["date"].as_str(), p["action"].as_str()),
            (*date, *action),
            "{name}"
        );
    }
    let list = format!(
        "{TITLE}\n一、总体情况\n出台《南湖区甲办法》（2023年3月5日）；《南湖区乙办法》（2023年4月1日）。\n"
    );
    let r = &extract(&[("d05", list)])[0].1;
    let got: Vec<(&str, &str)> = r["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["date"].as_str().unwrap(), p["action"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("2023-03-05", "出台"), ("2023-04-01", "出台")]);
}
