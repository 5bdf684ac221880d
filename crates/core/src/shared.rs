//! Text that sentences share with the document they were cut from.
//!
//! A report of 25 MB has about 170,000 sentences; when each owned a copy of its text, the
//! sentences alone held as much as the report, and the corpus methods choose from (a copy of the
//! cluster's with compressed text) held it once more. A [`SharedStr`] is a range of one
//! reference-counted string, the document's cleaned text, so cutting and copying sentences
//! copies no text.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A string slice that owns a share of the string it is cut from: cloning it copies no text.
/// It reads as a `&str` (it dereferences to one) and compares with strings.
#[derive(Clone)]
pub struct SharedStr {
    whole: Arc<String>,
    range: Range<usize>,
}

impl SharedStr {
    /// The part `range` of `whole`.
    ///
    /// # Panics
    /// When `range` is out of bounds or off char boundaries: a bug in the caller.
    pub fn slice(whole: &Arc<String>, range: Range<usize>) -> Self {
        assert!(whole.get(range.clone()).is_some(), "a shared slice must fall on char boundaries");
        SharedStr { whole: Arc::clone(whole), range }
    }

    /// The text, as a `&str`.
    pub fn as_str(&self) -> &str {
        &self.whole[self.range.clone()]
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        let range = 0..text.len();
        SharedStr { whole: Arc::new(text), range }
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        SharedStr::from(text.to_owned())
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        SharedStr::from(String::new())
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_share_the_string_and_read_as_str() {
        let whole = Arc::new(String::from("Troops left. Markets fell."));
        let second = SharedStr::slice(&whole, 13..26);
        assert_eq!(second, "Markets fell.");
        assert_eq!(second.split_whitespace().count(), 2);
        let copy = second.clone();
        assert_eq!(Arc::strong_count(&whole), 3, "clones share the one string");
        assert_eq!(copy.to_string(), "Markets fell.");
        assert_eq!(format!("{copy:?}"), "\"Markets fell.\"");
        assert_eq!(SharedStr::from("Markets fell."), copy);
    }

    #[test]
    #[should_panic(expected = "char boundaries")]
    fn a_slice_off_a_char_boundary_is_refused() {
        SharedStr::slice(&Arc::new(String::from("café")), 0..4);
    }
}
