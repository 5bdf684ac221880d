//! The clusterer on synthetic streams: online (prefix-stable), deterministic, duplicates, dated
//! and undated streams, bounded live events, and articles it cannot read.

use chorus_cluster::{Article, ArticleError, Assignment, Clusterer, Config, Day};

/// Words of a few unrelated stories; an article draws most of its words from one story.
const STORIES: [&str; 6] = [
    "flood river banks evacuated residents shelters rain valley firefighters sandbags council homes water rescue",
    "merger railway freight takeover shareholders billion regulator acquisition trains depots chief executive deal",
    "chess championship final tournament grandmaster title opponent moves youngest champion board victory match",
    "election ballots candidates parliament coalition votes campaign polling turnout minister party seats majority",
    "vaccine hospital patients doctors clinical trial infection outbreak virus doses nurses ministry health",
    "earthquake magnitude tremor buildings collapsed rescuers rubble survivors aftershock epicentre quake damage",
];
const FILLER: &str = "said on tuesday officials people city country according week also report new";

/// A fixed pseudo-random sequence, the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// `count` articles cycling through the stories, each 40 words: 30 of its story, 10 filler.
fn stream(count: usize) -> Vec<(Article, usize)> {
    let mut random = Lcg(7);
    (0..count)
        .map(|n| {
            let story = (n * 5 + random.below(3)) % STORIES.len();
            let words: Vec<&str> = STORIES[story].split(' ').collect();
            let filler: Vec<&str> = FILLER.split(' ').collect();
            let mut text: Vec<&str> = (0..30).map(|_| words[random.below(words.len())]).collect();
            text.extend((0..10).map(|_| filler[random.below(filler.len())]));
            (Article::new(format!("a{n}"), text.join(" ") + "."), story)
        })
        .collect()
}

fn assign(config: &Config, articles: &[Article]) -> Vec<Assignment> {
    let mut clusterer = Clusterer::new(config.clone());
    articles.iter().map(|article| clusterer.add(article).expect("readable")).collect()
}

fn undated() -> Config {
    Config { window_days: None, ..Config::default() }
}

#[test]
fn stories_become_events_and_every_prefix_is_assigned_the_same() {
    let articles: Vec<Article> = stream(60).into_iter().map(|(article, _)| article).collect();
    let whole = assign(&undated(), &articles);
    for k in [1, 2, 7, 30, 59] {
        assert_eq!(assign(&undated(), &articles[..k]), whole[..k], "prefix of {k}");
    }
    assert_eq!(assign(&undated(), &articles), whole, "not deterministic");
}

#[test]
fn one_event_per_story_on_a_clean_stream() {
    let stream = stream(60);
    let articles: Vec<Article> = stream.iter().map(|(article, _)| article.clone()).collect();
    let assigned = assign(&undated(), &articles);
    for (a, (_, story_a)) in assigned.iter().zip(&stream) {
        for (b, (_, story_b)) in assigned.iter().zip(&stream) {
            assert_eq!(a.event == b.event, story_a == story_b, "{a:?} {b:?}");
        }
    }
    assert_eq!(assigned.iter().filter(|a| a.new_event).count(), STORIES.len());
}

/// The candidates of each article are what the link model decided on: the event it joined is
/// among them, with the cosine it reports and the most probable by the link model.
#[test]
fn an_article_joins_its_most_probable_candidate() {
    let config = undated();
    let mut clusterer = Clusterer::new(config.clone());
    for (article, _) in stream(40) {
        let assignment = clusterer.add(&article).expect("readable");
        let candidates = clusterer.candidates();
        let best = candidates.iter().map(|(_, features)| config.link.logit(features)).fold(f32::NEG_INFINITY, f32::max);
        if assignment.new_event {
            assert!(best < (config.threshold / (1.0 - config.threshold)).ln(), "{candidates:?}");
            continue;
        }
        let (_, joined) = candidates.iter().find(|(event, _)| *event == assignment.event).expect("a candidate");
        assert_eq!(f64::from(joined.near()), assignment.score);
        assert_eq!(config.link.logit(joined), best);
        assert!(joined.0.iter().all(|f| f.is_finite()), "{joined:?}");
    }
    clusterer.add(&Article::new("a3", "A repeated id.")).expect("a duplicate");
    assert!(clusterer.candidates().is_empty());
}

#[test]
fn a_repeated_id_is_a_duplicate_and_changes_nothing() {
    let articles: Vec<Article> = stream(20).into_iter().map(|(article, _)| article).collect();
    let mut with_repeat = articles.clone();
    with_repeat.insert(10, Article::new("a3", "Something else entirely about chess and floods."));
    let plain = assign(&undated(), &articles);
    let repeated = assign(&undated(), &with_repeat);
    let repeat = &repeated[10];
    assert_eq!(repeat.duplicate_of.as_deref(), Some("a3"));
    assert_eq!((repeat.event, repeat.new_event), (plain[3].event, false));
    repeated.iter().enumerate().filter(|&(n, _)| n != 10).zip(&plain).for_each(|((_, a), b)| assert_eq!(a, b));
}

#[test]
fn a_near_identical_copy_joins_its_original() {
    let story = "Algerian troops ended a hostage crisis at a remote gas facility on Saturday, officials said, \
                 after three days of chaos and confusion left dozens dead and fanned fears of a new terror front.";
    let mut clusterer = Clusterer::new(undated());
    let original = clusterer.add(&Article::new("ap-1", story)).expect("readable");
    clusterer.add(&Article::new("other", "The central bank raised interest rates by a quarter point.")).expect("ok");
    let copy = clusterer.add(&Article::new("reuters-9", format!("{story} (Reuters)"))).expect("readable");
    assert_eq!((copy.event, copy.duplicate_of.as_deref()), (original.event, Some("ap-1")));
}

fn dated(id: &str, story: usize, date: &str) -> Article {
    let mut article = Article::new(id, format!("{} {}.", STORIES[story], STORIES[story]));
    article.date = Day::parse(date);
    article
}

#[test]
fn dated_events_stop_taking_articles_after_the_window() {
    let config = Config { window_days: Some(7), ..Config::default() };
    let mut clusterer = Clusterer::new(config);
    let first = clusterer.add(&dated("f1", 0, "2026-03-02")).expect("ok");
    let bank = clusterer.add(&dated("m1", 1, "2026-03-05")).expect("ok");
    let within = clusterer.add(&dated("f2", 0, "2026-03-09")).expect("ok");
    assert_eq!((within.event, within.new_event), (first.event, false));
    assert!(within.retired.is_empty());
    // 3-13 is 8 days after the merger's last article (3-05), which retires, and 4 days after the
    // flood's (3-09), which takes it.
    let later = clusterer.add(&dated("f3", 0, "2026-03-13")).expect("ok");
    assert_eq!((later.event, later.retired.clone()), (first.event, vec![bank.event]));
    let much_later = clusterer.add(&dated("f4", 0, "2026-03-30")).expect("ok");
    assert!(much_later.new_event, "{much_later:?}");
    assert_eq!(much_later.retired, vec![first.event]);
    assert_eq!(clusterer.live_events(), 1);
}

#[test]
fn the_default_window_keeps_a_story_open_for_months_and_retires_it_after_a_year() {
    let mut clusterer = Clusterer::new(Config::default());
    let first = clusterer.add(&dated("f1", 0, "2026-03-02")).expect("ok");
    let months = clusterer.add(&dated("f2", 0, "2026-08-20")).expect("ok");
    assert_eq!((months.event, months.new_event), (first.event, false));
    let year = clusterer.add(&dated("f3", 0, "2027-08-22")).expect("ok");
    assert!(year.new_event, "{year:?}");
    assert_eq!(year.retired, vec![first.event]);
}

#[test]
fn without_a_window_dates_do_not_split_events() {
    let mut clusterer = Clusterer::new(undated());
    let first = clusterer.add(&dated("f1", 0, "2026-03-02")).expect("ok");
    let late = clusterer.add(&dated("f2", 0, "2026-09-30")).expect("ok");
    assert_eq!((late.event, late.new_event), (first.event, false));
}

#[test]
fn live_events_are_bounded_and_the_least_recent_retire() {
    let config = Config { max_events: 3, ..undated() };
    let mut clusterer = Clusterer::new(config);
    let mut opened = Vec::new();
    let mut retired = Vec::new();
    for story in 0..STORIES.len() {
        let assignment = clusterer.add(&dated(&format!("s{story}"), story, "2026-03-02")).expect("ok");
        assert!(assignment.new_event);
        opened.push(assignment.event);
        retired.extend(assignment.retired);
        assert!(clusterer.live_events() <= 3);
    }
    assert_eq!(retired, opened[..3]);
    // The first story's event is gone: its next article opens a new one.
    assert!(clusterer.add(&dated("again", 0, "2026-03-02")).expect("ok").new_event);
}

#[test]
fn an_unreadable_article_is_an_error_and_changes_nothing() {
    let articles: Vec<Article> = stream(12).into_iter().map(|(article, _)| article).collect();
    let plain = assign(&undated(), &articles);
    let mut clusterer = Clusterer::new(undated());
    for (n, article) in articles.iter().enumerate() {
        if n == 5 {
            let empty = Article { id: "empty".into(), ..Article::default() };
            assert_eq!(clusterer.add(&empty), Err(ArticleError::NoText));
            assert_eq!(clusterer.add(&Article::new("stop", "and the of it was")), Err(ArticleError::NoText));
            let page =
                Article { id: "page".into(), html: Some("<html><body></body></html>".into()), ..Article::default() };
            assert!(matches!(clusterer.add(&page), Err(ArticleError::Html(_))));
        }
        assert_eq!(clusterer.add(article).expect("readable"), plain[n]);
    }
}

#[test]
fn an_html_page_is_read_for_its_article() {
    let page = format!(
        "<!DOCTYPE html><html><head><title>Floods</title></head><body><nav>Home World</nav>\
         <article><p>{}.</p><p>{}.</p></article></body></html>",
        STORIES[0], STORIES[0]
    );
    let mut clusterer = Clusterer::new(undated());
    let text = clusterer.add(&Article::new("t", format!("{}.", STORIES[0]))).expect("ok");
    let html = clusterer.add(&Article { id: "h".into(), html: Some(page), ..Article::default() }).expect("ok");
    assert_eq!(html.event, text.event);
}

/// Found by the `cluster_stream` fuzz target: an article whose terms equal an earlier one's had
/// a cosine of 1.0000001, a score outside [0, 1].
#[test]
fn scores_stay_within_zero_and_one() {
    let fuzzed = include_str!("fixtures/score-rounding.jsonl");
    let mut clusterer = Clusterer::new(Config::default());
    let mut joined = 0;
    for line in fuzzed.lines() {
        let Ok(article) = Article::from_json(line) else { continue };
        if let Ok(assignment) = clusterer.add(&article) {
            assert!((0.0..=1.0).contains(&assignment.score), "score {} for {}", assignment.score, article.id);
            joined += usize::from(!assignment.new_event && assignment.duplicate_of.is_none());
        }
    }
    assert!(joined > 0, "the fixture joins an article to an event by similarity");
}
