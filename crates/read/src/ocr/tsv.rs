//! Tesseract's TSV output: recognised words with their boxes and confidence.

/// One recognised word, in image pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The text read.
    pub text: String,
    /// Left, top, right, bottom.
    pub bbox: [f32; 4],
    /// Tesseract's confidence, 0–100.
    pub conf: f32,
    /// Which text line it belongs to (block, paragraph, line), unique on the page.
    pub line: (u32, u32, u32),
    /// The 1-based page (image) it was read on, when tesseract read a list of images.
    pub page: u32,
}

/// The words of a TSV page (level 5 rows with text), in output order.
pub fn parse(tsv: &str) -> Vec<Word> {
    tsv.lines().filter_map(word).collect()
}

fn word(row: &str) -> Option<Word> {
    let f: Vec<&str> = row.split('\t').collect();
    if f.len() < 12 || f[0] != "5" {
        return None;
    }
    let text = f[11..].join("\t").trim().to_string();
    if text.is_empty() {
        return None;
    }
    let n = |i: usize| f[i].trim().parse::<f32>().ok().filter(|v| v.is_finite());
    let int = |i: usize| f[i].trim().parse::<u32>().ok();
    let (left, top, width, height) = (n(6)?, n(7)?, n(8)?, n(9)?);
    Some(Word {
        text,
        bbox: [left, top, left + width.max(0.0), top + height.max(0.0)],
        conf: n(10).unwrap_or(0.0),
        line: (int(2)?, int(3)?, int(4)?),
        page: int(1)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_with_boxes_confidence_and_line() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            4\t1\t4\t1\t1\t0\t439\t369\t617\t47\t-1\t\n\
            5\t1\t4\t1\t1\t1\t439\t370\t65\t46\t39.132858\t(四\n\
            5\t1\t4\t1\t1\t2\t510\t370\t15\t46\t95\t \n\
            5\t1\t4\t1\t2\t1\t570\t370\t85\t46\t96.02\t319\n\
            5\t1\tx\t1\t2\t1\t570\t370\t85\t46\t96.02\tbad";
        let got = parse(tsv);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "(四");
        assert_eq!(got[0].bbox, [439.0, 370.0, 504.0, 416.0]);
        assert!((got[0].conf - 39.13).abs() < 0.01);
        assert_eq!(got[1].line, (4, 1, 2));
        assert_eq!(got[1].page, 1);
    }
}
