//! Sentences whose subject leans on an earlier one: a `he` far from its antecedent is named from
//! its report, with the name's bytes cited; a `she` the report never names is left out; a
//! pronoun right after its antecedent stays as it is.

use chorus::{Brief, Budget, Cluster, Document, Figures, Selection};

fn reports() -> Cluster {
    let texts = [
        "Algerian troops stormed the gas plant where the militants held their hostages. \
         Prime Minister Abdelmalek Sellal said 37 foreigners died in the siege. \
         The army found the bodies of the hostages in the plant. \
         He said the militants came from northern Mali.\n",
        "Rescuers reached the flooded village near the river. \
         The river rose three metres overnight in the valley. \
         She said ten people were still missing in the valley.\n",
    ];
    Cluster {
        id: "antecedents".into(),
        documents: texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), *t)).collect(),
        ..Default::default()
    }
}

/// The brief of `reports()` made of the sentences (indices of the corpus) a method chose.
fn brief_of(chosen: &[usize]) -> (Brief, Vec<String>) {
    let cluster = reports();
    let originals = cluster.documents.iter().map(|d| d.original.clone()).collect();
    let prepared = chorus::prepare(cluster).expect("prepared");
    let selection = Selection {
        sentences: chosen.to_vec(),
        reserve: vec![],
        method: "chosen".into(),
        budget: Budget::words(200),
        select_us: 0,
    };
    (Brief::assemble(&prepared, selection, Figures::default()).expect("brief"), originals)
}

fn texts(brief: &Brief) -> Vec<&str> {
    brief.sentences.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn a_he_far_from_his_name_is_named_and_the_name_is_cited() {
    let (brief, originals) = brief_of(&[3, 0]);
    assert_eq!(
        texts(&brief),
        [
            "Algerian troops stormed the gas plant where the militants held their hostages.",
            "Abdelmalek Sellal said the militants came from northern Mali."
        ]
    );
    let named = &brief.sentences[1];
    let original = &originals[named.doc_index];
    let pieces: Vec<&str> = named.spans.iter().map(|&[start, end]| &original[start..end]).collect();
    assert_eq!(pieces, ["Abdelmalek Sellal", "said the militants came from northern Mali."]);
    assert_eq!(pieces.join(" "), named.text, "every byte printed comes from the report");
    assert_eq!((named.start, named.end), (named.spans[0][0], named.spans[1][1]));
    assert_eq!(brief.words, 21);
}

#[test]
fn a_she_her_report_never_names_is_left_out() {
    let (brief, _) = brief_of(&[4, 6]);
    assert_eq!(texts(&brief), ["Rescuers reached the flooded village near the river."]);
}

#[test]
fn a_pronoun_right_after_its_antecedent_stays_as_it_is() {
    let (brief, _) = brief_of(&[0, 2, 3]);
    assert_eq!(
        texts(&brief)[1..],
        ["The army found the bodies of the hostages in the plant.", "He said the militants came from northern Mali."]
    );
}

#[test]
fn a_name_that_does_not_fit_the_budget_gives_its_surname() {
    let cluster = reports();
    let prepared = chorus::prepare(cluster).expect("prepared");
    // 12 + 8 words with the pronoun: the full name would make 21.
    let selection = Selection {
        sentences: vec![0, 3],
        reserve: vec![],
        method: "chosen".into(),
        budget: Budget::words(20),
        select_us: 0,
    };
    let brief = Brief::assemble(&prepared, selection, Figures::default()).expect("brief");
    assert_eq!(texts(&brief)[1], "Sellal said the militants came from northern Mali.");
    assert_eq!(brief.words, 20);
}

#[test]
fn the_room_of_a_sentence_left_out_goes_to_the_methods_next_pick() {
    let prepared = chorus::prepare(reports()).expect("prepared");
    let selection = Selection {
        sentences: vec![4, 6],
        reserve: vec![6, 5],
        method: "chosen".into(),
        budget: Budget::words(20),
        select_us: 0,
    };
    let brief = Brief::assemble(&prepared, selection, Figures::default()).expect("brief");
    assert_eq!(
        texts(&brief),
        [
            "Rescuers reached the flooded village near the river.",
            "The river rose three metres overnight in the valley."
        ]
    );
}

#[test]
fn a_lowercased_report_gives_no_name_so_its_he_is_left_out() {
    // Multi-News lowercases all but a sentence's first letter: `Rep. Steve` is no full name.
    let text = "Rep. Steve southerland spoke to the press in the capital. \
                The house passed the farm bill after a long debate. \
                He said the salary was not so much for the hours.\n";
    let cluster = Cluster { id: "lower".into(), documents: vec![Document::new("0", text)], ..Default::default() };
    let prepared = chorus::prepare(cluster).expect("prepared");
    let selection = Selection {
        sentences: vec![0, 2],
        reserve: vec![],
        method: "chosen".into(),
        budget: Budget::words(50),
        select_us: 0,
    };
    let brief = Brief::assemble(&prepared, selection, Figures::default()).expect("brief");
    assert_eq!(texts(&brief), ["Rep. Steve southerland spoke to the press in the capital."]);
}
