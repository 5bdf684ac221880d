//! The online clusterer: each article joins the most similar live event or opens a new one.

use crate::article::{Article, ArticleError};
use crate::day::Day;
use crate::event::{Event, EventId};
use crate::link::{Features as LinkFeatures, LinkModel};
use crate::sketch::{Sketch, SAME_TEXT};
use crate::terms::{Featurizer, Term};
use chorus_core::Document;
use rustc_hash::FxHashMap;
use std::collections::{BTreeSet, VecDeque};

/// Settings. [`Config::default`] holds the measured defaults (README, "Event clustering").
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Lowest probability, by [`Config::link`], that an article belongs to an event for it to
    /// join the event: between 0 (every article joins its most probable candidate) and 1 (none
    /// joins any).
    pub threshold: f32,
    /// The model of whether an article belongs to an event, from their similarities.
    pub link: LinkModel,
    /// Days an event may stay idle and still take articles; `None` for no time limit. Only
    /// dated articles and events are compared; undated streams ignore it. The default, 365, was
    /// measured on dated DUC 2006 and TAC 2011 streams (`scripts/dated_stream.py`; README,
    /// "Event clustering"): F1 rose with the window up to a year and precision did not fall, so
    /// the link model, not the window, keeps stories apart; the window retires stale events.
    pub window_days: Option<u32>,
    /// Live events kept at most; beyond it the least recently joined event retires. Bounds
    /// memory on an endless stream, dated or not.
    pub max_events: usize,
    /// Recent articles whose ids and shingle sketches are remembered, for duplicates.
    pub recent_articles: usize,
    /// Terms kept per article (its heaviest).
    pub article_terms: usize,
    /// Latest articles per event that an article is compared with (its nearest decides).
    pub event_members: usize,
    /// Terms kept per event centroid (its heaviest), under which the index lists the event.
    pub event_terms: usize,
    /// An article's heaviest terms that look up candidate events in the index.
    pub query_terms: usize,
    /// Candidate events (the most overlapping) whose exact cosine is computed.
    pub candidates: usize,
    /// Events remembered per term in the index (the latest); bounds the work per lookup.
    pub postings: usize,
    /// How many body occurrences one occurrence in the title is worth.
    pub title_weight: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.3,
            link: LinkModel::default(),
            window_days: Some(365),
            max_events: 100_000,
            recent_articles: 200_000,
            article_terms: 100,
            event_members: 8,
            event_terms: 100,
            query_terms: 10,
            candidates: 10,
            postings: 64,
            title_weight: 2.0,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The event it belongs to.
    pub event: EventId,
    /// Whether the article opened the event.
    pub new_event: bool,
    /// Cosine with the nearest recent article of the event it joined (0 for a new event, 1 for
    /// a duplicate).
    pub score: f64,
    /// The earlier article this one repeats: the same id (then nothing else changed), or a
    /// near-identical text.
    pub duplicate_of: Option<String>,
    /// Events that stopped taking articles while this one was added (idle past the window, or
    /// the least recent beyond `max_events`). They will never be returned again.
    pub retired: Vec<EventId>,
}

/// A recently added article, remembered for duplicates.
struct Recent {
    id: Box<str>,
    event: EventId,
    sketch: Sketch,
}

/// Assigns articles to events one at a time.
///
/// Deterministic: its state, and so every assignment, is a function of the sequence of
/// articles added so far, so a store can rebuild it after a restart by adding its articles
/// again in order. The work per article is bounded by the configuration, not by the number of
/// events seen, and memory by `max_events` and `recent_articles`.
pub struct Clusterer {
    config: Config,
    featurizer: Featurizer,
    events: FxHashMap<EventId, Event>,
    next_event: u64,
    /// Term → live events whose centroid holds it, oldest first.
    index: FxHashMap<Term, Vec<EventId>>,
    /// (sequence of its latest article, event): the least recent first.
    recency: BTreeSet<(u64, EventId)>,
    /// (latest day, event) of dated events: the longest idle first.
    idle: BTreeSet<(Day, EventId)>,
    /// The latest date seen: the stream's clock.
    clock: Option<Day>,
    /// Articles added (duplicates of an id excluded): the sequence number of the next one.
    added: u64,
    recent: VecDeque<Recent>,
    /// The sequence number of `recent[0]`.
    recent_first: u64,
    recent_ids: FxHashMap<Box<str>, u64>,
    /// Sketch hash → sequence number of the latest recent article that has it.
    recent_shingles: FxHashMap<u64, u64>,
    /// Reused per article: candidate event → overlap with the article's query terms.
    overlap: FxHashMap<EventId, f32>,
    /// The candidate events of the latest article and their link features.
    candidates: Vec<(EventId, LinkFeatures)>,
}

impl Default for Clusterer {
    fn default() -> Self {
        Clusterer::new(Config::default())
    }
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(config: Config) -> Self {
        Clusterer {
            config,
            featurizer: Featurizer::new(),
            events: FxHashMap::default(),
            next_event: 0,
            index: FxHashMap::default(),
            recency: BTreeSet::new(),
            idle: BTreeSet::new(),
            clock: None,
            added: 0,
            recent: VecDeque::new(),
            recent_first: 0,
            recent_ids: FxHashMap::default(),
            recent_shingles: FxHashMap::default(),
            overlap: FxHashMap::default(),
            candidates: Vec::new(),
        }
    }

    /// Its settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The candidate events that the latest [`Clusterer::add`] compared the article with (within
    /// the window), and their link features: what `chorus cluster --fit-link` learns from.
    /// Empty after a duplicate.
    pub fn candidates(&self) -> &[(EventId, LinkFeatures)] {
        &self.candidates
    }

    /// Live events: those that can still take articles.
    pub fn live_events(&self) -> usize {
        self.events.len()
    }

    /// Decides the event of `article` from the articles added before it.
    ///
    /// An article that cannot be read (no text once cleaned, an HTML page without an article)
    /// is an error and changes nothing.
    pub fn add(&mut self, article: &Article) -> Result<Assignment, ArticleError> {
        self.candidates.clear();
        if let Some(&seen) = self.recent_ids.get(article.id.as_str()) {
            let event = self.recent_at(seen).event;
            return Ok(Assignment {
                event,
                new_event: false,
                score: 1.0,
                duplicate_of: Some(article.id.clone()),
                retired: Vec::new(),
            });
        }
        let document = clean_document(article)?;
        let title = article.title.as_deref().or(document.title.as_deref());
        let date = article.date.or_else(|| document.date.as_deref().and_then(Day::parse));
        let config = &self.config;
        let features = self
            .featurizer
            .features(title, document.clean.as_str(), config.title_weight, config.article_terms, config.query_terms)
            .ok_or(ArticleError::NoText)?;
        let seen = self.added;
        self.added += 1;

        let mut retired = Vec::new();
        self.advance_clock(date, &mut retired);
        let copy = self.near_copy(&features.sketch, date);
        let best = match copy {
            Some((_, event)) => Some((event, 1.0)),
            None => self.most_similar(&features.terms, &features.query, date),
        };
        let (event, new_event, score) = match best {
            Some((event, score)) => {
                let joined = self.events.get_mut(&event).expect("candidates are live");
                self.recency.remove(&(joined.last_seen, event));
                if let Some((_, last)) = joined.days {
                    self.idle.remove(&(last, event));
                }
                let change =
                    joined.absorb(&features.terms, date, seen, self.config.event_terms, self.config.event_members);
                for term in change.dropped {
                    unindex(&mut self.index, term, event);
                }
                for term in change.added {
                    self.index_term(term, event);
                }
                (event, false, score)
            }
            None => {
                let event = EventId(self.next_event);
                self.next_event += 1;
                self.events.insert(event, Event::new(&features.terms, date, seen));
                for &(term, _) in &features.terms {
                    self.index_term(term, event);
                }
                (event, true, 0.0)
            }
        };
        let joined = &self.events[&event];
        self.recency.insert((seen, event));
        if let Some((_, last)) = joined.days {
            self.idle.insert((last, event));
        }
        self.remember(article.id.as_str(), event, features.sketch);
        while self.events.len() > self.config.max_events {
            let &(_, oldest) = self.recency.first().expect("events are in the recency order");
            self.retire(oldest, &mut retired);
        }
        Ok(Assignment {
            event,
            new_event,
            // The cosine of two unit vectors of f32 can round just past 1.
            score: f64::from(score).min(1.0),
            duplicate_of: copy.map(|(seen, _)| self.recent_at(seen).id.to_string()),
            retired,
        })
    }

    /// Moves the clock to `date` and retires the events idle for longer than the window.
    fn advance_clock(&mut self, date: Option<Day>, retired: &mut Vec<EventId>) {
        let (Some(date), Some(window)) = (date, self.config.window_days) else { return };
        if self.clock.is_some_and(|clock| clock >= date) {
            return;
        }
        self.clock = Some(date);
        while let Some(&(last, event)) = self.idle.first() {
            if last.0 + window as i32 >= date.0 {
                break;
            }
            self.retire(event, retired);
        }
    }

    /// A recent article whose text this one nearly repeats, and its event if still live.
    fn near_copy(&self, sketch: &Sketch, date: Option<Day>) -> Option<(u64, EventId)> {
        let mut votes: Vec<u64> = sketch.0.iter().filter_map(|h| self.recent_shingles.get(h).copied()).collect();
        votes.sort_unstable();
        let mut best: Option<(usize, u64)> = None;
        for run in votes.chunk_by(|a, b| a == b) {
            if run.len() >= SAME_TEXT && best.is_none_or(|(n, _)| run.len() > n) {
                best = Some((run.len(), run[0]));
            }
        }
        let (_, seen) = best?;
        let event = self.recent_at(seen).event;
        let live = self.events.get(&event)?;
        live.in_window(date, self.config.window_days).then_some((seen, event))
    }

    /// The live event most similar to the article, if similar enough and within the window.
    fn most_similar(
        &mut self,
        terms: &[(Term, f32)],
        query: &[(Term, f32)],
        date: Option<Day>,
    ) -> Option<(EventId, f32)> {
        self.overlap.clear();
        for &(term, weight) in query {
            for &event in self.index.get(&term).into_iter().flatten() {
                *self.overlap.entry(event).or_default() += weight;
            }
        }
        let mut candidates: Vec<(EventId, f32)> = self.overlap.iter().map(|(&e, &o)| (e, o)).collect();
        let keep = self.config.candidates.min(candidates.len());
        if keep < candidates.len() {
            candidates.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            candidates.truncate(keep);
        }
        let query_weight: f32 = query.iter().map(|(_, w)| w).sum();
        let window = self.config.window_days;
        let nearest: Vec<_> = candidates
            .into_iter()
            .filter(|(id, _)| self.events[id].in_window(date, window))
            .map(|(id, overlap)| (id, overlap, self.events[&id].nearest_member(terms)))
            .collect();
        // The best and second-best `near`, for each candidate's lead over the others.
        let (mut first, mut second) = (0f32, 0f32);
        for (_, _, n) in &nearest {
            (first, second) = if n.cosine > first { (n.cosine, first) } else { (first, second.max(n.cosine)) };
        }
        self.candidates.clear();
        for (id, overlap, n) in nearest {
            let event = &self.events[&id];
            let rival = if n.cosine == first { second } else { first };
            let features = LinkFeatures::new(
                n.cosine,
                n.numbers,
                event.centroid_cosine(terms),
                overlap / query_weight.max(f32::MIN_POSITIVE),
                terms.len(),
                n.terms,
                n.cosine - rival,
            );
            self.candidates.push((id, features));
        }
        let least = (self.config.threshold / (1.0 - self.config.threshold)).ln();
        self.candidates
            .iter()
            .map(|(id, features)| (*id, self.config.link.logit(features), features.near()))
            .filter(|&(_, logit, _)| logit >= least)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(id, _, near)| (id, near))
    }

    fn index_term(&mut self, term: Term, event: EventId) {
        let holders = self.index.entry(term).or_default();
        holders.push(event);
        if holders.len() > self.config.postings {
            holders.remove(0);
        }
    }

    fn retire(&mut self, id: EventId, retired: &mut Vec<EventId>) {
        let event = self.events.remove(&id).expect("only live events retire");
        self.recency.remove(&(event.last_seen, id));
        if let Some((_, last)) = event.days {
            self.idle.remove(&(last, id));
        }
        for &(term, _) in &event.centroid {
            unindex(&mut self.index, term, id);
        }
        retired.push(id);
    }

    fn remember(&mut self, id: &str, event: EventId, sketch: Sketch) {
        let seen = self.added - 1;
        for &h in &sketch.0 {
            self.recent_shingles.insert(h, seen);
        }
        self.recent_ids.insert(id.into(), seen);
        self.recent.push_back(Recent { id: id.into(), event, sketch });
        if self.recent.len() > self.config.recent_articles {
            let gone = self.recent.pop_front().expect("not empty");
            let gone_seen = self.recent_first;
            self.recent_first += 1;
            if self.recent_ids.get(&gone.id) == Some(&gone_seen) {
                self.recent_ids.remove(&gone.id);
            }
            for h in gone.sketch.0 {
                if self.recent_shingles.get(&h) == Some(&gone_seen) {
                    self.recent_shingles.remove(&h);
                }
            }
        }
    }

    /// The recent article with this sequence number (which must still be remembered).
    fn recent_at(&self, seen: u64) -> &Recent {
        &self.recent[(seen - self.recent_first) as usize]
    }
}

fn unindex(index: &mut FxHashMap<Term, Vec<EventId>>, term: Term, event: EventId) {
    if let Some(holders) = index.get_mut(&term) {
        if let Some(at) = holders.iter().position(|&e| e == event) {
            holders.remove(at);
        }
        if holders.is_empty() {
            index.remove(&term);
        }
    }
}

/// The article's text, cleaned by chorus-ingest; an HTML page is first reduced to its article.
fn clean_document(article: &Article) -> Result<Document, ArticleError> {
    let mut document = match (&article.text, &article.html) {
        (Some(text), _) if !text.trim().is_empty() => Document::new(article.id.as_str(), text.as_str()),
        (_, Some(html)) if !html.trim().is_empty() => chorus_ingest::html_document(article.id.as_str(), html.clone())
            .map_err(|problem| ArticleError::Html(problem.to_string()))?,
        _ => return Err(ArticleError::NoText),
    };
    static CLEANING: std::sync::OnceLock<chorus_ingest::Cleaning> = std::sync::OnceLock::new();
    CLEANING.get_or_init(chorus_ingest::Cleaning::default).clean_document(&mut document);
    Ok(document)
}
