//! Token interning, so that n-grams hash as integers instead of strings.

use rustc_hash::FxHashMap;

/// Stands for every summary token that no reference contains: such a token can never match, so
/// one shared id is enough and summaries never grow the vocabulary.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// Ids of the reference tokens of one cluster.
#[derive(Debug, Default, Clone)]
pub(crate) struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// The id of a reference token, assigning a new one on first sight. In the (4-billion-token)
    /// case of an exhausted id space further tokens become [`UNKNOWN`] rather than panicking.
    pub(crate) fn intern(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).ok().filter(|&id| id != UNKNOWN).unwrap_or(UNKNOWN);
        if id != UNKNOWN {
            self.ids.insert(token.to_string(), id);
        }
        id
    }

    /// The id of a summary token: [`UNKNOWN`] unless a reference contains it.
    pub(crate) fn lookup(&self, token: &str) -> u32 {
        self.ids.get(token).copied().unwrap_or(UNKNOWN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_tokens_get_stable_ids_and_others_are_unknown() {
        let mut vocabulary = Vocabulary::default();
        let a = vocabulary.intern("attack");
        let b = vocabulary.intern("plant");
        assert_ne!(a, b);
        assert_eq!(vocabulary.intern("attack"), a);
        assert_eq!(vocabulary.lookup("plant"), b);
        assert_eq!(vocabulary.lookup("desert"), UNKNOWN);
    }
}
