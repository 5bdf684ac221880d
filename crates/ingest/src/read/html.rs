//! HTML pages reduced to their article text with `dom_smoothie` (a port of Mozilla's
//! Readability): a real parser that drops navigation, ads and comments, where regexes over tags
//! would keep them and glue paragraphs together.
//!
//! For an HTML page the document's `original` is the extracted text, not the markup: spans of a
//! brief point into that text, which is what a reader can check a sentence against.

use crate::error::Problem;
use chorus_core::Date;
use dom_smoothie::{Config, Readability, TextMode};

/// How far into a text to look for the tags that mark a whole HTML page.
const SNIFF_CHARS: usize = 1024;

/// The readable part of an HTML page.
pub(crate) struct Article {
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, when the page states when it was published.
    pub date: Option<String>,
}

/// Whether `text` is clearly a whole HTML page (not prose that happens to mention a tag).
pub(crate) fn looks_like_html_page(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start.chars().take(SNIFF_CHARS).collect::<String>().to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

/// Extracts the article text (one paragraph per line), title and publication date of a page.
pub(crate) fn extract_article(html: &str) -> Result<Article, Problem> {
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut readability = Readability::new(html, None, Some(config)).map_err(|e| Problem::Html(e.to_string()))?;
    let article = readability.parse().map_err(|e| Problem::Html(e.to_string()))?;
    let text = article.text_content.to_string();
    if !super::decode::has_text(&text) {
        return Err(Problem::Html("no text in the article".into()));
    }
    let title = Some(article.title.trim().to_owned()).filter(|t| !t.is_empty());
    let date = article.published_time.as_deref().and_then(Date::parse).map(|d| d.to_string());
    Ok(Article { text, title, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Hostages freed in Algeria</title>
<meta property="article:published_time" content="2013-01-19T10:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Hostages freed in Algeria</h1>
<p>Algerian troops ended a hostage crisis at a remote gas facility on Saturday, officials said, after three days of chaos.</p>
<p>At least 23 hostages and 32 militants were killed around the sprawling facility in eastern Algeria, the interior ministry said.</p>
<p>Some 685 Algerian workers and 107 foreigners have been freed, the ministry said in a statement read on state television.</p>
</article><footer>Copyright 2013 Example News. All rights reserved.</footer></body></html>"#;

    #[test]
    fn recognises_whole_pages_only() {
        assert!(looks_like_html_page(PAGE));
        assert!(looks_like_html_page("\u{feff}  <html><body>x</body></html>"));
        assert!(!looks_like_html_page("The <b> tag makes text bold."));
    }

    #[test]
    fn extracts_paragraphs_title_and_date() {
        let article = extract_article(PAGE).expect("the page has an article");
        assert!(article.text.contains("Algerian troops ended a hostage crisis"));
        assert!(article.text.contains("107 foreigners have been freed"));
        assert!(!article.text.contains("<p>"), "markup must be gone: {}", article.text);
        // Paragraphs stay apart: the segmenter must not see "chaos.At least".
        assert!(!article.text.contains("chaos.At"));
        assert_eq!(article.title.as_deref(), Some("Hostages freed in Algeria"));
        assert_eq!(article.date.as_deref(), Some("2013-01-19"));
    }
}
