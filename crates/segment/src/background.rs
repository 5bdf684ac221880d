//! Document frequencies of stems over a large collection, so that idf reflects how common a
//! word is in news at large rather than in the two or three documents of one cluster.
//!
//! The file is gzip'd UTF-8 text, small and easy to inspect with `zcat`: a header line
//! `chorus-background<TAB>1<TAB><documents>`, then one `<stem><TAB><document frequency>` line per
//! stem, most frequent first. Plain (uncompressed) text in the same format loads too.

use crate::idf::smoothed_idf;
use crate::vocabulary::{DocumentFrequencies, Vocabulary};
use chorus_core::TermId;
use flate2::bufread::MultiGzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use rustc_hash::FxHashMap;
use std::fmt::Display;
use std::io::{self, BufRead, BufReader, Read, Write};

const MAGIC: &str = "chorus-background";
const VERSION: &str = "1";
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Stems with the number of documents of a large collection that contain them.
#[derive(Debug, Clone, PartialEq)]
pub struct Background {
    documents: u64,
    frequencies: FxHashMap<Box<str>, u32>,
}

impl Background {
    /// Reads a background model written by [`Background::write`] (gzip'd or plain).
    ///
    /// # Errors
    /// An `InvalidData` error naming the line and the problem when the text is not a background
    /// model; the caller adds the file name.
    pub fn from_reader(reader: impl Read) -> io::Result<Self> {
        let mut reader = BufReader::new(reader);
        if reader.fill_buf()?.starts_with(&GZIP_MAGIC) {
            parse(BufReader::new(MultiGzDecoder::new(reader)))
        } else {
            parse(reader)
        }
    }

    /// Writes the model, gzip'd.
    pub fn write(&self, writer: impl Write) -> io::Result<()> {
        let mut entries: Vec<(&str, u32)> = self.frequencies.iter().map(|(stem, &df)| (&**stem, df)).collect();
        entries.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut out = io::BufWriter::new(GzEncoder::new(writer, Compression::default()));
        writeln!(out, "{MAGIC}\t{VERSION}\t{}", self.documents)?;
        for (stem, df) in entries {
            writeln!(out, "{stem}\t{df}")?;
        }
        out.into_inner().map_err(io::IntoInnerError::into_error)?.finish()?;
        Ok(())
    }

    /// The smoothed idf of a stem (see [`crate::Segmenter`]), if the collection has it.
    pub fn idf(&self, stem: &str) -> Option<f32> {
        self.frequencies.get(stem).map(|&df| smoothed_idf(self.documents, u64::from(df)))
    }

    /// The idf given to a stem the collection does not have: that of a stem in no document,
    /// the largest there is (stems rarer than the model's `min_df` were left out of it).
    pub fn unseen_idf(&self) -> f32 {
        smoothed_idf(self.documents, 0)
    }

    /// How many documents the statistics were gathered over.
    pub fn documents(&self) -> u64 {
        self.documents
    }
}

fn parse(mut reader: impl BufRead) -> io::Result<Background> {
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| invalid(1, e))?;
    let documents = match line.trim_end_matches(['\n', '\r']).split('\t').collect::<Vec<_>>()[..] {
        [MAGIC, VERSION, documents] => {
            documents.parse::<u64>().map_err(|e| invalid(1, format!("document count: {e}")))?
        }
        [MAGIC, version, _] => return Err(invalid(1, format!("unsupported version {version:?}"))),
        _ => return Err(invalid(1, format!("not a background model (expected a `{MAGIC}` header)"))),
    };
    let mut frequencies = FxHashMap::default();
    for number in 2.. {
        line.clear();
        if reader.read_line(&mut line).map_err(|e| invalid(number, e))? == 0 {
            break;
        }
        let entry = line.trim_end_matches(['\n', '\r']);
        let Some((stem, df)) = entry.split_once('\t') else {
            return Err(invalid(number, "expected `stem<TAB>document frequency`"));
        };
        let df: u32 = df.parse().map_err(|e| invalid(number, format!("document frequency {df:?}: {e}")))?;
        if stem.is_empty() || df == 0 || u64::from(df) > documents {
            return Err(invalid(number, format!("stem {stem:?} with document frequency {df} of {documents}")));
        }
        if frequencies.insert(Box::from(stem), df).is_some() {
            return Err(invalid(number, format!("stem {stem:?} appears twice")));
        }
    }
    Ok(Background { documents, frequencies })
}

fn invalid(line: usize, problem: impl Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("background model, line {line}: {problem}"))
}

/// Gathers document frequencies of content stems, one document at a time.
#[derive(Default)]
pub struct BackgroundBuilder {
    vocabulary: Vocabulary,
    frequencies: DocumentFrequencies,
    /// Reused for each document's terms.
    terms: Vec<TermId>,
}

impl BackgroundBuilder {
    /// An empty builder: no documents counted yet.
    pub fn new() -> Self {
        BackgroundBuilder::default()
    }

    /// Counts the terms of one background document (each term once per document).
    pub fn add_document(&mut self, text: &str) {
        self.terms.clear();
        self.vocabulary.terms_of(text, &mut self.terms);
        self.frequencies.start_document();
        self.frequencies.count(&self.terms);
    }

    /// The model, keeping only stems in at least `min_df` documents: rarer stems make up most
    /// of a vocabulary and get the unseen idf anyway.
    pub fn build(self, min_df: u32) -> Background {
        let documents = u64::from(self.frequencies.documents());
        let counts = self.frequencies.into_counts(self.vocabulary.len());
        let frequencies = self
            .vocabulary
            .into_stems()
            .into_iter()
            .zip(counts)
            .filter(|&(_, df)| df >= min_df.max(1))
            .map(|(stem, df)| (stem.into_boxed_str(), df))
            .collect();
        Background { documents, frequencies }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Background {
        let mut builder = BackgroundBuilder::new();
        builder.add_document("Hostages were freed. The hostages went home.");
        builder.add_document("A hostage crisis in Algeria.");
        builder.add_document("Algeria's army attacked.");
        builder.add_document("Markets fell.");
        builder.build(1)
    }

    #[test]
    fn builder_counts_documents_not_occurrences() {
        let background = sample();
        assert_eq!(background.documents(), 4);
        assert_eq!(background.idf("hostag"), Some(smoothed_idf(4, 2)));
        assert_eq!(background.idf("algeria"), Some(smoothed_idf(4, 2)));
        assert_eq!(background.idf("market"), Some(smoothed_idf(4, 1)));
        assert_eq!(background.idf("the"), None, "stopwords are not counted");
        assert!(background.unseen_idf() > background.idf("market").unwrap_or(f32::MAX));
    }

    #[test]
    fn min_df_prunes_rare_stems() {
        let mut builder = BackgroundBuilder::new();
        builder.add_document("Hostages freed");
        builder.add_document("Hostages died");
        let background = builder.build(2);
        assert!(background.idf("hostag").is_some());
        assert_eq!(background.idf("freed"), None);
    }

    #[test]
    fn round_trip_through_gzip() {
        let background = sample();
        let mut bytes = Vec::new();
        background.write(&mut bytes).expect("writing to memory");
        assert!(bytes.starts_with(&GZIP_MAGIC));
        let read = Background::from_reader(&bytes[..]).expect("reading what was written");
        assert_eq!(read, background);
    }

    #[test]
    fn plain_text_loads_too() {
        let read = Background::from_reader("chorus-background\t1\t10\nhostag\t3\r\nmilit\t10\n".as_bytes())
            .expect("valid model");
        assert_eq!(read.documents(), 10);
        assert_eq!(read.idf("hostag"), Some(smoothed_idf(10, 3)));
        assert_eq!(read.idf("milit"), Some(smoothed_idf(10, 10)));
    }

    #[test]
    fn bad_models_are_errors_naming_the_line() {
        let cases = [
            ("", "line 1"),
            ("stem\t3\n", "line 1: not a background model"),
            ("chorus-background\t2\t10\n", "unsupported version"),
            ("chorus-background\t1\tmany\n", "document count"),
            ("chorus-background\t1\t10\nhostag 3\n", "line 2: expected"),
            ("chorus-background\t1\t10\nhostag\t3\nmilit\tx\n", "line 3: document frequency"),
            ("chorus-background\t1\t10\nhostag\t11\n", "line 2: stem \"hostag\" with document frequency 11 of 10"),
            ("chorus-background\t1\t10\nhostag\t1\nhostag\t2\n", "line 3: stem \"hostag\" appears twice"),
        ];
        for (text, expected) in cases {
            let error = Background::from_reader(text.as_bytes()).expect_err(text);
            assert_eq!(error.kind(), io::ErrorKind::InvalidData);
            assert!(error.to_string().contains(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn corrupt_gzip_is_an_error() {
        let mut bytes = Vec::new();
        sample().write(&mut bytes).expect("writing to memory");
        bytes.truncate(bytes.len() / 2);
        assert!(Background::from_reader(&bytes[..]).is_err());
    }
}
