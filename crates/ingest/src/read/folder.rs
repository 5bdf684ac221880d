//! A folder with one article per file: its `.txt`, `.md`, `.html` and `.htm` files (not
//! recursive), in name order so that document order, and so the brief, is reproducible.

use super::{document_from_bytes, file_stem, read_file_capped, Limits};
use crate::error::{IngestError, Problem};
use chorus_core::{Cluster, Document};
use std::fs;
use std::path::Path;

const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// Reads every article file of `folder`; the cluster is named after the folder.
pub(crate) fn read_folder(folder: &Path, limits: Limits) -> Result<Cluster, IngestError> {
    let origin = || folder.display().to_string();
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).map_err(|e| IngestError::new(origin(), e))? {
        let path = entry.map_err(|e| IngestError::new(origin(), e))?.path();
        if is_article_file(&path) {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(IngestError::new(origin(), Problem::EmptyFolder));
    }
    files.sort();
    let documents = files.iter().map(|path| read_article_file(path, limits)).collect::<Result<Vec<_>, _>>()?;
    let id = fs::canonicalize(folder).map_or_else(|_| file_stem(folder), |full| file_stem(&full));
    Ok(Cluster { id, documents, ..Default::default() })
}

/// A regular file (or a link to one) with an article extension; hidden files (editor and
/// operating-system droppings such as `._story.txt`) are not articles.
fn is_article_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    !name.starts_with('.') && extension.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str())) && path.is_file()
}

/// One article file: its stem is the document id, its name the document's `file`.
fn read_article_file(path: &Path, limits: Limits) -> Result<Document, IngestError> {
    let origin = path.display().to_string();
    let bytes = read_file_capped(path, limits.max_input_bytes).map_err(|e| IngestError::new(&origin, e))?;
    let name = path.file_name().map_or_else(|| origin.clone(), |name| name.to_string_lossy().into_owned());
    document_from_bytes(&name, bytes, &origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_article_files_in_name_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("siege");
        fs::create_dir(&folder).expect("mkdir");
        for (name, text) in [("b.md", "Second."), ("a.TXT", "First."), ("notes.csv", "x,y"), (".hidden.txt", "no")] {
            fs::write(folder.join(name), text).expect("write");
        }
        fs::create_dir(folder.join("sub.txt")).expect("mkdir");
        let cluster = read_folder(&folder, Limits::default()).expect("reads");
        assert_eq!(cluster.id, "siege");
        let seen: Vec<(&str, Option<&str>, &str)> =
            cluster.documents.iter().map(|d| (d.id.as_str(), d.file.as_deref(), d.original.as_str())).collect();
        assert_eq!(seen, [("a", Some("a.TXT"), "First."), ("b", Some("b.md"), "Second.")]);
    }

    #[test]
    fn empty_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("data.csv"), "x").expect("write");
        let error = read_folder(dir.path(), Limits::default()).expect_err("no articles");
        assert_eq!(
            error.to_string(),
            format!("{}: empty folder: no .txt, .md, .html or .htm files", dir.path().display())
        );
    }

    #[test]
    fn a_bad_file_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("good.txt"), "Fine.").expect("write");
        fs::write(dir.path().join("bad.txt"), [0u8, 159, 146, 150]).expect("write");
        let error = read_folder(dir.path(), Limits::default()).expect_err("binary member");
        assert_eq!(error.to_string(), format!("{}: binary file, not text", dir.path().join("bad.txt").display()));
    }
}
