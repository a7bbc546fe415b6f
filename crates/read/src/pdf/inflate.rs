//! FlateDecode streams inflated with one decompressor reused per thread: lopdf builds and
//! zeroes a fresh 40 KB state for every stream, and a document's fonts bring hundreds of
//! small ToUnicode streams.

use std::cell::RefCell;

use lopdf::{Dictionary, Object, Stream};
use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

thread_local! {
    static STATE: RefCell<Box<InflateState>> = RefCell::new(InflateState::new_boxed(DataFormat::Zlib));
}

/// A stream's content with its filters undone, at most `limit` bytes (`None` past it or when
/// it cannot be decoded). Plain FlateDecode is inflated here; other filters go through lopdf.
pub fn plain(stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    if !only_flate(&stream.dict) {
        return stream.get_plain_content_with_limit(limit).ok();
    }
    let input = stream.content.as_slice();
    let mut out = inflate_into(input, DataFormat::Zlib, limit)?;
    if out.is_empty() && input.len() > 2 {
        // As lopdf: a zlib stream that gave nothing is tried again as raw deflate.
        out = inflate_into(&input[2..], DataFormat::Raw, limit)?;
    }
    Some(out)
}

/// Whether the only filter is FlateDecode, with no predictor.
fn only_flate(dict: &Dictionary) -> bool {
    let flate = match dict.get(b"Filter") {
        Ok(Object::Name(name)) => name == b"FlateDecode",
        Ok(Object::Array(list)) => {
            matches!(list.as_slice(), [Object::Name(name)] if name == b"FlateDecode")
        }
        _ => false,
    };
    flate && dict.get(b"DecodeParms").is_err()
}

/// Inflates `input`; what a damaged stream gave before the damage is kept, as lopdf keeps it.
fn inflate_into(input: &[u8], format: DataFormat, limit: usize) -> Option<Vec<u8>> {
    STATE.with_borrow_mut(|state| {
        state.reset(format);
        let mut out = vec![0u8; (input.len() * 4).clamp(1024, limit.saturating_add(1))];
        let (mut read, mut written) = (0, 0);
        loop {
            let step = inflate(state, &input[read..], &mut out[written..], MZFlush::None);
            read += step.bytes_consumed;
            written += step.bytes_written;
            let progress = step.bytes_consumed + step.bytes_written > 0;
            match step.status {
                Ok(MZStatus::StreamEnd) => break,
                Ok(_) | Err(MZError::Buf) if written == out.len() && out.len() <= limit => {
                    let grown = (out.len() * 2).min(limit.saturating_add(1));
                    out.resize(grown, 0);
                }
                Ok(_) if progress => {}
                _ => break,
            }
        }
        out.truncate(written);
        (written <= limit).then_some(out)
    })
}

#[cfg(test)]
mod tests {
    use lopdf::{Stream, dictionary};

    use super::plain;

    fn flate(data: &[u8], dict: lopdf::Dictionary) -> Stream {
        let mut stream = Stream::new(dict, data.to_vec());
        stream.compress().unwrap();
        stream
    }

    #[test]
    fn streams_inflate_as_lopdf_inflates_them_one_after_another() {
        for n in [0usize, 10, 5_000, 300_000] {
            let data: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
            let stream = flate(&data, dictionary! {});
            let ours = plain(&stream, 1 << 20);
            assert!(ours == Some(data), "{n}");
        }
    }

    #[test]
    fn past_the_limit_is_none_and_damage_keeps_what_came_before() {
        let data = vec![b'x'; 100_000];
        let stream = flate(&data, dictionary! {});
        assert!(plain(&stream, 99_999).is_none());
        assert!(stream.get_plain_content_with_limit(99_999).is_err());
        assert_eq!(plain(&stream, 100_000).map(|v| v.len()), Some(100_000));
        let mut cut = flate(
            &(0..60_000).map(|i| (i % 97) as u8).collect::<Vec<_>>(),
            dictionary! {},
        );
        cut.content.truncate(cut.content.len() / 2);
        let ours = plain(&cut, 1 << 20).unwrap();
        assert!(!ours.is_empty() && ours.len() < 60_000);
        assert!(Some(ours) == cut.get_plain_content_with_limit(1 << 20).ok());
    }
}
