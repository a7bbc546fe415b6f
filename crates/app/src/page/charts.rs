//! Inline SVG bar charts (no script, no fonts to fetch): one bar per label, its count
//! written beside it.

use super::Html;

/// A bar: its label, its count, and its colour.
pub struct Bar {
    /// Shown left of the bar.
    pub label: String,
    /// The bar's length and the number shown.
    pub count: usize,
    /// Fill colour (static: `#176a2a`).
    pub colour: &'static str,
}

const ROW: usize = 22;
const LABEL: usize = 170;
const WIDTH: usize = 260;

/// A horizontal bar chart in a `<figure>` with a caption.
pub fn bars(h: &mut Html, caption: &str, bars: &[Bar]) {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) + 4;
    h.raw("<figure><figcaption>")
        .text(caption)
        .raw("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
        .text(caption)
        .raw("\" width=\"")
        .show(LABEL + WIDTH + 60)
        .raw("\" height=\"")
        .show(height)
        .raw("\" font-size=\"12\">");
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW + 2;
        let w = (b.count * WIDTH)
            .div_ceil(max)
            .max(usize::from(b.count > 0));
        h.raw("<text x=\"")
            .show(LABEL - 6)
            .raw("\" y=\"")
            .show(y + 15)
            .raw("\" text-anchor=\"end\">")
            .text(&b.label)
            .raw("</text><rect x=\"")
            .show(LABEL)
            .raw("\" y=\"")
            .show(y + 3)
            .raw("\" width=\"")
            .show(w)
            .raw("\" height=\"16\" fill=\"")
            .raw(b.colour)
            .raw("\"/><text x=\"")
            .show(LABEL + w + 4)
            .raw("\" y=\"")
            .show(y + 15)
            .raw("\">")
            .show(b.count)
            .raw("</text>");
    }
    h.raw("</svg></figure>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let mut h = Html::new();
        let bar = |label: &str, count| Bar {
            label: label.into(),
            count,
            colour: "#000",
        };
        bars(&mut h, "codes", &[bar("a<b", 10), bar("c", 5), bar("d", 0)]);
        let svg = h.into_string();
        assert!(svg.contains("width=\"260\""), "{svg}");
        assert!(svg.contains("width=\"130\""), "{svg}");
        assert!(svg.contains("width=\"0\""), "{svg}");
        assert!(svg.contains("a&lt;b"), "{svg}");
    }
}
