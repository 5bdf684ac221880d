//! The WordNet 2.0 exception table ROUGE-1.5.5 consults before stemming (`data/README.md`).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const TABLE_TEXT: &str = include_str!("../../data/wordnet-2.0-exceptions.txt");

/// Parsed once on first use: the table is only needed by the ROUGE-1.5.5 convention.
fn table() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TABLE_TEXT.lines().filter(|line| !line.starts_with('#')).filter_map(|line| line.split_once(' ')).collect()
    })
}

/// The base form WordNet lists for an irregular inflected `token`, if any.
pub(super) fn base_form(token: &str) -> Option<&'static str> {
    table().get(token).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_well_formed() {
        assert!(table().len() > 5_000, "only {} entries", table().len());
        assert_eq!(base_form("geese"), Some("goose"));
        assert_eq!(base_form("hostages"), None);
    }
}
