//! Boilerplate: sentences of the web page or web archive around a report rather than of the
//! report — Twitter's location notice, the Internet Archive's crawl notices, sign-up, cookie and
//! video-player prompts. Scraped news sets carry them inside the article text (on Multi-News
//! train the tweet-location notice is in 4% of clusters), and since several reports of a cluster
//! carry the same notice, methods that reward what reports share would otherwise pick it.
//!
//! The phrases are data, in `data/boilerplate.txt`, matched in any case by one automaton pass.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

fn phrases() -> &'static AhoCorasick {
    static PHRASES: OnceLock<AhoCorasick> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let entries = include_str!("../data/boilerplate.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'));
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(entries)
            .expect("the bundled boilerplate phrases build an automaton")
    })
}

/// Whether a sentence contains a phrase only page or archive boilerplate contains.
pub(crate) fn is_boilerplate(text: &str) -> bool {
    phrases().is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_of_multi_news_pages_are_boilerplate() {
        // As they stand in Multi-News train documents (lowercased, then re-capitalised).
        for notice in [
            "Tweet with a location you can add location information to your tweets, such as your city or precise location, from the web and via third-party applications.",
            "You always have the option to delete your tweet location history.",
            "Starting in 1996, alexa internet has been donating their crawl data to the internet archive.",
            "Flowing in every day, these data are added to the wayback machine after an embargo period.",
            "Hide caption 1 of 10 photos: gadget graveyard polaroid – long before there was instagram, polaroid was king.",
            "The news and stories that matter, delivered weekday mornings.",
            "( click prev or next to continue viewing images.",
            "Advertisement continue reading the main story while schools were closed, most of washington returned to normal.",
            "Media playback is unsupported on your device media caption an eyewitness described what happened.",
            "Story highlights police are looking for one suspect suitcase was found on sidewalk.",
            "Just watched white house condemns the killing replay more videos... must watch",
            "Thank you for reading. please purchase a subscription to continue reading.",
        ] {
            assert!(is_boilerplate(notice), "{notice}");
        }
    }

    #[test]
    fn news_about_the_same_things_is_not() {
        for news in [
            "The president deleted a tweet about the location of the summit on Tuesday.",
            "The Internet Archive said its Wayback Machine holds 330 billion web pages.",
            "Police released a caption-free photo of the suspect.",
            "Subscribers to the newsletter were told the plant had closed.",
            "The story's highlights were read aloud, and readers were thanked at the end of the main story.",
            "The police took an opinion poll of residents after the videos were replayed.",
        ] {
            assert!(!is_boilerplate(news), "{news}");
        }
    }

    #[test]
    fn the_list_has_no_blank_or_duplicate_entries() {
        let entries: Vec<&str> = include_str!("../data/boilerplate.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect();
        assert!(entries.len() > 40);
        let mut unique = entries.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), entries.len());
        assert!(entries.iter().all(|e| *e == e.to_lowercase()), "entries are lowercase");
    }
}
