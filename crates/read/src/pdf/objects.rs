//! The memory a PDF will take to load, estimated before loading from the object count its
//! trailer declares (`/Size`): lopdf parses and holds every object at once.

/// Memory lopdf takes per object, measured on files of tiny objects (`bench/memory.sh`:
/// 0.95–0.98 KiB each), rounded up.
pub const BYTES_PER_OBJECT: u64 = 1 << 10;

/// How far from the end, and from the cross-reference stream's start, `/Size` is looked for.
const WINDOW: usize = 4096;

/// The `/Size` of the last trailer or cross-reference stream, when one can be found.
pub fn declared(bytes: &[u8]) -> Option<u64> {
    let tail = &bytes[bytes.len().saturating_sub(WINDOW)..];
    if let Some(size) = size_in(tail) {
        return Some(size);
    }
    let at = rfind(tail, b"startxref")?;
    let digits: String = tail[at + 9..]
        .iter()
        .map(|&b| b as char)
        .skip_while(char::is_ascii_whitespace)
        .take_while(char::is_ascii_digit)
        .collect();
    let start = usize::try_from(digits.parse::<u64>().ok()?).ok()?;
    let dict = bytes.get(start..bytes.len().min(start.saturating_add(WINDOW)))?;
    size_in(dict)
}

/// The number after the last `/Size` in `window`.
fn size_in(window: &[u8]) -> Option<u64> {
    let at = rfind(window, b"/Size")?;
    let digits: String = window[at + 5..]
        .iter()
        .map(|&b| b as char)
        .skip_while(char::is_ascii_whitespace)
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The estimated memory for loading `bytes`: the file and its declared objects.
pub fn estimate(bytes: &[u8]) -> u64 {
    let objects = declared(bytes).unwrap_or(0);
    (bytes.len() as u64).saturating_add(objects.saturating_mul(BYTES_PER_OBJECT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_read_from_a_classic_trailer() {
        let pdf = b"%PDF-1.4\n...xref\n0 3\ntrailer\n<< /Size 1500003 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
        assert_eq!(declared(pdf), Some(1_500_003));
        assert_eq!(estimate(pdf), pdf.len() as u64 + 1_500_003 * 1024);
    }

    #[test]
    fn size_is_read_from_a_cross_reference_stream_far_from_the_end() {
        let mut pdf = b"%PDF-1.5\n".to_vec();
        let start = pdf.len();
        pdf.extend_from_slice(b"7 0 obj\n<< /Type /XRef /Size 42 /W [1 2 1] >>\nstream\n");
        pdf.extend(std::iter::repeat_n(0u8, 10_000));
        pdf.extend_from_slice(
            format!("\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n").as_bytes(),
        );
        assert_eq!(declared(&pdf), Some(42));
    }

    #[test]
    fn no_trailer_means_no_estimate_of_objects() {
        assert_eq!(declared(b"%PDF-1.4\n1 0 obj 1 endobj"), None);
    }
}
