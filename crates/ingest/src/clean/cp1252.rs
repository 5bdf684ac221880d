//! The Windows-1252 code page, both ways. Text mis-decoded as Windows-1252 (or as Latin-1, its
//! subset) is the usual source of mojibake, and HTML maps numeric references 128–159 through it.

/// What Windows-1252 puts at bytes 0x80..=0x9F, where it differs from Latin-1. The five bytes it
/// leaves undefined decode, as in Latin-1 and in browsers, to the C1 control of the same value.
const HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', //
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', //
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', //
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The character Windows-1252 decodes `byte` to.
pub(crate) fn char_of_byte(byte: u8) -> char {
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The byte that decodes to `c` in Windows-1252, or in Latin-1 (which maps 0x80..=0x9F to the C1
/// controls): mojibake comes from either.
pub(crate) fn byte_of_char(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(byte) => Some(byte),
        Err(_) => HIGH.iter().position(|&high| high == c).map(|index| 0x80 + index as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_byte() {
        for byte in 0..=255u8 {
            assert_eq!(byte_of_char(char_of_byte(byte)), Some(byte));
        }
    }

    #[test]
    fn typographic_characters_live_in_the_high_block() {
        assert_eq!(char_of_byte(0x92), '\u{2019}');
        assert_eq!(byte_of_char('\u{20ac}'), Some(0x80));
        assert_eq!(byte_of_char('\u{2019}'), Some(0x92));
        // Latin-1 mis-decoding leaves C1 controls, which map back to the same byte.
        assert_eq!(byte_of_char('\u{92}'), Some(0x92));
        assert_eq!(byte_of_char('\u{3b1}'), None);
    }
}
