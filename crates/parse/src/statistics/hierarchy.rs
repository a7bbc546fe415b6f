//! Which row each row belongs to: heading rows and numbered rows open levels by their
//! numbering style; `其中` rows (and the lines that continue their list) break down the row
//! just before them.

use crate::statistics::label::{Parts, Style};

/// What the hierarchy needs to know about one row.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// The label taken apart.
    pub parts: &'a Parts,
    /// The row's unit (for telling a `其中` list's continuation from the next indicator).
    pub unit: Option<&'a str>,
    /// A heading row (no unit, no value).
    pub heading: bool,
}

/// Where a row hangs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Index of the parent row (heading or value row), if any.
    pub parent: Option<usize>,
    /// The row is one of a `其中` list (introduced by `其中`, or continuing its list).
    pub of_which: bool,
}

/// An open level: a row that later rows may hang under or continue.
#[derive(Debug, Clone, Copy)]
struct Open {
    row: usize,
    style: Option<Style>,
    /// For a `其中` list member: the row the list breaks down.
    list_of: Option<usize>,
}

/// Links every row to its parent.
pub fn link(nodes: &[Node]) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::with_capacity(nodes.len());
    let mut open: Vec<Open> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let style = node.parts.style;
        let link = if node.parts.of_which && i > 0 {
            open.push(Open {
                row: i,
                style,
                list_of: Some(i - 1),
            });
            Link {
                parent: Some(i - 1),
                of_which: true,
            }
        } else if let Some(s) = style {
            numbered(&mut open, &out, i, s)
        } else if let Some(l) = continuation(&open, nodes, node) {
            open.pop();
            open.push(Open {
                row: i,
                style: None,
                list_of: Some(l),
            });
            Link {
                parent: Some(l),
                of_which: true,
            }
        } else {
            unnumbered(&mut open, nodes, i)
        };
        out.push(link);
    }
    out
}

/// A numbered row closes every level down to its own style's last row and takes that
/// row's parent (and list membership); a new style opens under the innermost level.
fn numbered(open: &mut Vec<Open>, out: &[Link], i: usize, style: Style) -> Link {
    let link = match open.iter().rposition(|o| o.style == Some(style)) {
        Some(at) => {
            let sibling = open[at];
            open.truncate(at);
            open.push(Open { row: i, ..sibling });
            return out[sibling.row];
        }
        None => Link {
            parent: open.last().map(|o| o.row),
            of_which: false,
        },
    };
    open.push(Open {
        row: i,
        style: Some(style),
        list_of: None,
    });
    link
}

/// An unnumbered row right after an unnumbered `其中` list member continues the list when
/// it counts in the same unit and is not itself a total (`…总数`).
fn continuation(open: &[Open], nodes: &[Node], node: &Node) -> Option<usize> {
    let top = open.last()?;
    let member = &nodes[top.row];
    let total = ["总数", "总计", "合计"]
        .iter()
        .any(|t| node.parts.label.ends_with(t));
    (top.style.is_none() && !node.heading && member.unit == node.unit && !total)
        .then_some(top.list_of)
        .flatten()
}

/// An unnumbered row that continues no list hangs under the innermost heading row; an
/// unnumbered heading starts a new top level.
fn unnumbered(open: &mut Vec<Open>, nodes: &[Node], i: usize) -> Link {
    let at = open.iter().rposition(|o| nodes[o.row].heading);
    match at {
        Some(at) if !nodes[i].heading => {
            open.truncate(at + 1);
            Link {
                parent: Some(open[at].row),
                of_which: false,
            }
        }
        _ => {
            open.clear();
            if nodes[i].heading {
                open.push(Open {
                    row: i,
                    style: None,
                    list_of: None,
                });
            }
            Link {
                parent: None,
                of_which: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statistics::label::parts;

    /// (text, unit, heading) rows → each row's parent text and list membership.
    fn tree(rows: &[(&str, Option<&str>)]) -> Vec<(Option<String>, bool)> {
        let parts: Vec<Parts> = rows.iter().map(|(t, _)| parts(t)).collect();
        let nodes: Vec<Node> = rows
            .iter()
            .zip(&parts)
            .map(|((_, u), p)| Node {
                parts: p,
                unit: *u,
                heading: u.is_none(),
            })
            .collect();
        link(&nodes)
            .iter()
            .map(|l| (l.parent.map(|p| parts[p].label.clone()), l.of_which))
            .collect()
    }

    #[test]
    fn the_2015_form_nests_by_numbering_and_of_which() {
        let t = tree(&[
            ("一、主动公开情况", None),
            (
                "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
                Some("条"),
            ),
            ("其中：主动公开规范性文件数", Some("条")),
            ("制发规范性文件总数", Some("件")),
            ("（二）通过不同渠道和方式公开政府信息的情况", None),
            ("1.政府公报公开政府信息数", Some("条")),
            ("2.政府网站公开政府信息数", Some("条")),
            ("四、行政复议数量", Some("件")),
            ("（一）维持具体行政行为数", Some("件")),
        ]);
        let p = |s: &str| Some(s.to_string());
        assert_eq!(t[0], (None, false));
        assert_eq!(t[1], (p("主动公开情况"), false));
        assert_eq!(t[2], (p("主动公开政府信息数"), true));
        assert_eq!(t[3], (p("主动公开情况"), false));
        assert_eq!(t[4], (p("主动公开情况"), false));
        assert_eq!(t[5], (p("通过不同渠道和方式公开政府信息的情况"), false));
        assert_eq!(t[6], (p("通过不同渠道和方式公开政府信息的情况"), false));
        assert_eq!(t[7], (None, false));
        assert_eq!(t[8], (p("行政复议数量"), false));
    }

    #[test]
    fn of_which_lists_numbered_or_continued_share_their_parent() {
        let t = tree(&[
            ("申请总数", Some("条")),
            ("其中:1.当面申请数", Some("条")),
            ("2.传真申请数", Some("条")),
            ("对申请的答复总数", Some("条")),
            ("其中:1.同意公开答复数", Some("条")),
            ("3.否决公开答复总数", Some("条")),
            ("其中:(1)“非《规定》所指政府信息”数", Some("条")),
            ("(2)“信息不存在”数", Some("条")),
            ("行政复议数", Some("件")),
            ("4.不同意公开答复数", Some("件")),
            ("其中：涉及国家秘密", Some("件")),
            ("涉及商业秘密", Some("件")),
        ]);
        let p = |s: &str| Some(s.to_string());
        assert_eq!(t[1], (p("申请总数"), true));
        assert_eq!(t[2], (p("申请总数"), true));
        assert_eq!(t[3], (None, false));
        assert_eq!(t[5], (p("对申请的答复总数"), true));
        assert_eq!(t[6], (p("否决公开答复总数"), true));
        assert_eq!(t[7], (p("否决公开答复总数"), true));
        assert_eq!(t[8], (None, false));
        assert_eq!(t[11], (p("不同意公开答复数"), true));
    }
}
