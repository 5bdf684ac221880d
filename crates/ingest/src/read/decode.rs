//! Bytes to text. Reports are mostly UTF-8, but old archives are Windows-1252; a byte sequence
//! that is not valid UTF-8 is far more likely to be Windows-1252 than anything else, and that
//! decoding never fails, so it is the fallback. UTF-16 is recognised only by its byte-order mark.

use crate::error::Problem;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How much of the start of a file is inspected for control bytes.
const SNIFF_BYTES: usize = 64 * 1024;
/// More than this share of control bytes in the sniffed prefix means the file is not text.
const MAX_CONTROL_SHARE: f64 = 0.1;

/// Decodes a file's bytes, rejecting binary data and files without any text.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, Problem> {
    let text = match Encoding::for_bom(&bytes) {
        Some((encoding, bom)) if encoding == UTF_16LE || encoding == UTF_16BE => {
            encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned()
        }
        _ => {
            if looks_binary(&bytes) {
                return Err(Problem::Binary);
            }
            match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(not_utf8) => WINDOWS_1252.decode_without_bom_handling(not_utf8.as_bytes()).0.into_owned(),
            }
        }
    };
    if has_text(&text) {
        Ok(text)
    } else {
        Err(Problem::Empty)
    }
}

/// Whether there is anything but whitespace (and byte-order marks) in `text`.
pub(crate) fn has_text(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && c != '\u{feff}')
}

/// A NUL byte anywhere, or many control bytes near the start: text files have neither.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let control =
        sample.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    !sample.is_empty() && control as f64 > MAX_CONTROL_SHARE * sample.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_as_is() {
        assert_eq!(decode("caf\u{e9} \u{2014} ok".as_bytes().to_vec()).ok().as_deref(), Some("caf\u{e9} \u{2014} ok"));
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        // 0x92 is a right single quote and 0xE9 an e-acute in Windows-1252.
        let text = decode(b"It\x92s a caf\xe9".to_vec());
        assert_eq!(text.ok().as_deref(), Some("It\u{2019}s a caf\u{e9}"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes = [0xff, 0xfe, b'H', 0, b'i', 0];
        assert_eq!(decode(bytes.to_vec()).ok().as_deref(), Some("Hi"));
    }

    #[test]
    fn binary_and_empty_are_rejected() {
        assert!(matches!(decode(b"PK\x03\x04\0\0data".to_vec()), Err(Problem::Binary)));
        assert!(matches!(decode(vec![1, 2, 3, 4, 5, b'a']), Err(Problem::Binary)));
        assert!(matches!(decode(b" \n\t \r\n".to_vec()), Err(Problem::Empty)));
        assert!(matches!(decode(Vec::new()), Err(Problem::Empty)));
    }
}
