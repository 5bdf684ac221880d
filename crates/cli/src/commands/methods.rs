//! `chorus methods`: what can be chosen with `--method`.

use crate::output::outln;
use std::process::ExitCode;

pub fn run() -> anyhow::Result<ExitCode> {
    let width = chorus::methods::methods().iter().map(|m| m.name().len()).max().unwrap_or(0);
    for method in chorus::methods::methods() {
        let default = if method.name() == chorus::DEFAULT_METHOD { " (default)" } else { "" };
        outln!("{:width$}  {}{default}\n{:width$}  {}", method.name(), method.description(), "", method.reference())?;
    }
    Ok(ExitCode::SUCCESS)
}
