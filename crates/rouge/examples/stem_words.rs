//! Prints `word<TAB>nltk stem<TAB>ROUGE-1.5.5 stem` for each word read from stdin (one per line).
//! `tests/fixtures/check_stemmers.py --large` compares this output with NLTK and the perl script.

use chorus_rouge::stem::{nltk_porter, rouge155_stem};
use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in io::stdin().lock().lines() {
        let word = line?;
        writeln!(out, "{word}\t{}\t{}", nltk_porter(&word), rouge155_stem(&word))?;
    }
    out.flush()
}
