//! Finding the report inside a page: clutter left out, title found, list pages refused.

use super::*;
use govreport_model::codes::WarningCode;

const HEADINGS: &str = "<p>一、总体情况</p><p>本机关全年主动公开信息。</p>\
    <p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>\
    <p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>\
    <p>六、其他需要报告的事项</p><p>无。</p>";

fn texts(page: &Page) -> Vec<String> {
    page.lines.iter().map(Line::text).collect()
}

#[test]
fn navigation_sidebars_and_footers_are_left_out() {
    let html = format!(
        "<div class=nav><a href=/>首页</a><a href=/x>政务公开</a></div>\
         <div class=side><a href=/a>2022年政府信息公开工作年度报告</a></div>\
         <h1>某县2023年政府信息公开工作年度报告</h1><div class=info>发布时间：2024-01-20</div>\
         <div class=content>{HEADINGS}</div>\
         <div class=footer>网站标识码：1234000001 联系电话：0512-12345678</div>"
    );
    let page = read(html.as_bytes(), &Limits::default()).expect("a report");
    let t = texts(&page);
    assert_eq!(t[0], "某县2023年政府信息公开工作年度报告");
    assert_eq!(t[1], "一、总体情况");
    assert_eq!(t.last().map(String::as_str), Some("无。"));
    assert!(
        !t.iter()
            .any(|l| l.contains("发布时间") || l.contains("网站标识码"))
    );
}

#[test]
fn a_two_line_heading_title_keeps_both_lines() {
    let html =
        format!("<h1>某县自然资源局<br>2021年政府信息公开工作年度报告</h1><div>{HEADINGS}</div>");
    let page = read(html.as_bytes(), &Limits::default()).expect("a report");
    assert_eq!(
        identity::title(&page.lines).as_deref(),
        Some("某县自然资源局2021年政府信息公开工作年度报告")
    );
}

#[test]
fn the_title_element_is_the_last_resort_for_the_title() {
    let html = format!(
        "<html><head><title>某镇2020年政府信息公开工作年度报告 - 某县人民政府网</title></head>\
         <body><div>{HEADINGS}</div></body></html>"
    );
    let page = read(html.as_bytes(), &Limits::default()).expect("a report");
    assert_eq!(texts(&page)[0], "某镇2020年政府信息公开工作年度报告");
}

#[test]
fn a_list_page_is_not_a_report() {
    let html = "<ul><li><a href=1>某区2023年政府信息公开工作年度报告</a></li>\
                <li><a href=2>某区2022年政府信息公开工作年度报告</a></li></ul>";
    let Err(HtmlError::NotAReport(message)) = read(html.as_bytes(), &Limits::default()) else {
        panic!("a list page must be refused");
    };
    assert!(message.contains("list"));
}

#[test]
fn a_guessed_charset_is_noted() {
    let html = format!("<div>{HEADINGS}</div>");
    let bytes = encoding_rs::GBK.encode(&html).0.into_owned();
    let page = read(&bytes, &Limits::default()).expect("a report");
    assert_eq!(page.warnings[0].code, WarningCode::Encoding);
}

#[test]
fn a_page_nested_thousands_deep_is_refused_before_parsing() {
    let html = format!("{}{HEADINGS}", "<div><b>".repeat(5000));
    assert!(matches!(
        read(html.as_bytes(), &Limits::default()),
        Err(HtmlError::TooLarge(_))
    ));
}

#[test]
fn nesting_ignores_void_and_self_closing_tags() {
    assert_eq!(
        nesting("<div><p>a<br><img src=x/><p>b</div><div><span>c</span></div>"),
        2
    );
    assert_eq!(nesting("<div><div><input/></div></div>"), 2);
}
