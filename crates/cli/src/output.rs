//! Standard output: the one place the CLI writes it.
//!
//! `println!` panics when the reader has gone (`chorus figures x | head -c1`). Every command
//! writes through [`print`] instead, which hands the error back; `main` then ends quietly with
//! exit 0, since a reader that stops reading has what it wanted (see [`is_closed_pipe`]).

use std::io::{self, Write};

/// Writes `text` to stdout and flushes it, returning any write error (a closed pipe among them).
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// `println!` that returns the write error instead of panicking: `outln!(...)?`.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::print(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use outln;

/// Whether an error is, somewhere in its chain, a write to a pipe whose reader has gone.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}
