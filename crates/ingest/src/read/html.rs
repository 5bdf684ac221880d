//! HTML pages reduced to their article text with `dom_smoothie` (a port of Mozilla's
//! Readability): a real parser that drops navigation, ads and comments, where regexes over tags
//! would keep them and glue paragraphs together.
//!
//! For an HTML page the document's `original` is the extracted text, not the markup: spans of a
//! brief point into that text, which is what a reader can check a sentence against.
//!
//! `dom_smoothie` takes time quadratic in the nesting depth of the page (16,000 nested `<div>`s:
//! 41 s). Real pages nest a few dozen deep; a page nested deeper than [`MAX_DEPTH`], found by one
//! cheap scan, is reduced by [`plain_text`] instead, in linear time.

use crate::error::Problem;
use chorus_core::Date;
use dom_smoothie::{Config, Readability, TextMode};

/// How far into a text to look for the tags that mark a whole HTML page.
const SNIFF_CHARS: usize = 1024;

/// Deeper pages skip Readability, and real pages stay far below (unclosed `<p>` and `<li>` are
/// not counted, so sloppy markup does not add up). At 512 a 3 kB page took 0.2 s in a release
/// build and over 20 s in the fuzzer's instrumented one (the `read_inputs` campaign's timeout);
/// half the depth is a quarter of the time.
const MAX_DEPTH: usize = 256;

/// Elements that have no content, or whose end tag may be left out: they do not nest.
const NOT_NESTING: [&str; 32] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
    "rp", "rt", "html", "body",
];

/// Elements whose content is not text a reader sees.
const HIDDEN: [&str; 5] = ["script", "style", "head", "noscript", "template"];

/// Elements that start a new line of text.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "article",
    "section",
    "blockquote",
    "pre",
    "header",
    "footer",
    "dt",
    "dd",
];

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
    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH {
        let text = plain_text(html);
        if !super::decode::has_text(&text) {
            return Err(Problem::Html("no text in the page".into()));
        }
        return Ok(Article { text, title: None, date: None });
    }
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

/// One tag of a page: its lowercase name, whether it closes an element, and where it ends.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    end: usize,
}

/// The tag starting at `html[at]` (a `<`), if it is one: `<name ...>` or `</name>`.
fn tag_at(html: &[u8], at: usize) -> Option<Tag> {
    let closing = html.get(at + 1) == Some(&b'/');
    let start = at + 1 + usize::from(closing);
    let name_len = html[start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if name_len == 0 || !html[start].is_ascii_alphabetic() {
        return None;
    }
    let end = start + html[start..].iter().position(|&b| b == b'>')?;
    let name = String::from_utf8_lossy(&html[start..start + name_len]).to_ascii_lowercase();
    Some(Tag { name, closing, self_closing: html[end - 1] == b'/', end: end + 1 })
}

/// Where the next `</name` (any case) starts after `from`, or the end of the page.
fn end_of_raw_text(html: &[u8], from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    html[from..]
        .windows(close.len())
        .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
        .map_or(html.len(), |i| from + i)
}

/// How deep elements nest, counting only elements that must be closed; the scan stops as soon
/// as the depth passes `stop_above`. Linear in the page.
fn nesting_depth(html: &str, stop_above: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        at += offset;
        let Some(tag) = tag_at(bytes, at) else {
            at += 1;
            continue;
        };
        at = tag.end;
        if NOT_NESTING.contains(&tag.name.as_str()) || tag.self_closing {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else if tag.name == "script" || tag.name == "style" {
            at = end_of_raw_text(bytes, at, &tag.name);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > stop_above {
                break;
            }
        }
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The visible text of a page without Readability: tags dropped, scripts, styles and the head
/// left out, a line break at each block element. Linear in the page; used when the page nests
/// too deeply for Readability. Entities are left for cleaning to decode, as in any text.
fn plain_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let (mut at, mut copied) = (0usize, 0usize);
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        at += offset;
        // Where the markup starting here ends, and whether it starts a new line.
        let (skip_to, block) = if bytes[at..].starts_with(b"<!--") {
            (html[at..].find("-->").map_or(html.len(), |end| at + end + 3), false)
        } else if matches!(bytes.get(at + 1), Some(b'!' | b'?')) {
            (html[at..].find('>').map_or(html.len(), |end| at + end + 1), false)
        } else if let Some(tag) = tag_at(bytes, at) {
            let skip_to = if !tag.closing && !tag.self_closing && HIDDEN.contains(&tag.name.as_str()) {
                let close = end_of_raw_text(bytes, tag.end, &tag.name);
                html[close..].find('>').map_or(html.len(), |end| close + end + 1)
            } else {
                tag.end
            };
            (skip_to, BLOCKS.contains(&tag.name.as_str()))
        } else {
            at += 1;
            continue;
        };
        out.push_str(&html[copied..at]);
        if block && !out.ends_with('\n') {
            out.push('\n');
        }
        at = skip_to;
        copied = at;
    }
    out.push_str(&html[copied..]);
    out
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
    fn depth_counts_elements_that_must_be_closed() {
        assert_eq!(nesting_depth(PAGE, 100), 2, "article > h1 is the deepest");
        assert_eq!(nesting_depth("<p>a<p>b<p>c<br><img src=x>", 100), 0);
        let deep = format!("{}x{}", "<div>".repeat(50), "</div>".repeat(50));
        assert_eq!(nesting_depth(&deep, 100), 50);
        assert_eq!(nesting_depth(&"<div>".repeat(10_000), 100), 101, "the scan stops past the limit");
        assert_eq!(nesting_depth("<script>if (a<b) { x = '<div><div>' }</script><div>", 100), 1);
    }

    /// The `read_inputs` fuzz campaign's timeout: 500 nested `<div>`s went through Readability.
    #[test]
    fn a_page_nested_past_the_limit_skips_readability() {
        let page = format!(
            "<!DOCTYPE html><html><body>{}<p>Troops stormed the plant, officials said.</p>{}</body></html>",
            "<div>".repeat(MAX_DEPTH + 1),
            "</div>".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(nesting_depth(&page, MAX_DEPTH), MAX_DEPTH + 1);
        let article = extract_article(&page).expect("text comes out");
        assert_eq!(article.text.trim(), "Troops stormed the plant, officials said.");
        assert_eq!(article.title, None, "the plain-text path reads no title");
    }

    #[test]
    fn a_deeply_nested_page_falls_back_to_plain_text_quickly() {
        let n = 100_000;
        let page = format!(
            "<!DOCTYPE html><html><head><title>T</title><style>p {{}}</style></head><body>{}<p>Troops stormed the plant on Thursday, officials said.</p><!-- note --><p>Dozens of workers were freed &amp; safe.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let started = std::time::Instant::now();
        let article = extract_article(&page).expect("text comes out");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "took {:?}", started.elapsed());
        let lines: Vec<&str> = article.text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            ["Troops stormed the plant on Thursday, officials said.", "Dozens of workers were freed &amp; safe."]
        );
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
