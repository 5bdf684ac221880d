//! Golden examples: sentences of news reports and what compression makes of them. Each kept piece
//! must be a byte range of the sentence, and the pieces joined must be the text.

use chorus_compress::Compressor;

fn check(sentence: &str, expected: Option<&str>) {
    let compressed = Compressor::new().compress(sentence);
    assert_eq!(compressed.as_ref().map(|c| c.text.as_str()), expected, "{sentence}");
    if let Some(c) = compressed {
        let mut joined = String::new();
        for piece in &c.pieces {
            let piece = &sentence[piece.clone()];
            assert_eq!(piece, piece.trim(), "pieces hold no edge whitespace");
            if !joined.is_empty() && !piece.starts_with([',', '.', ';', ':', '!', '?', ')']) {
                joined.push(' ');
            }
            joined.push_str(piece);
        }
        let capital = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        assert_eq!(capital(&joined), capital(&c.text), "the text is its pieces");
        assert_eq!(joined[1..], c.text[1..], "only the first letter may change");
    }
}

#[test]
fn day_names_and_times_go() {
    check(
        "A two-day face-off between Islamic militants and the Algerian military ended Thursday with the death of multiple hostages.",
        Some("A two-day face-off between Islamic militants and the Algerian military ended with the death of multiple hostages."),
    );
    check(
        "In a statement Saturday, President Barack Obama said the blame rests with the terrorists.",
        Some("In a statement, President Barack Obama said the blame rests with the terrorists."),
    );
    check(
        "As of mid-morning Monday, rescuers had pulled 40 people from the rubble of the school.",
        Some("Rescuers had pulled 40 people from the rubble of the school."),
    );
    check(
        "The army, on Friday, stormed the gas plant where the hostages were held.",
        Some("The army stormed the gas plant where the hostages were held."),
    );
    check(
        "Rescue teams reached the village late last night after the road was cleared.",
        Some("Rescue teams reached the village after the road was cleared."),
    );
    check(
        "North Korea vowed Tuesday to cancel the 1953 cease-fire that ended the Korean War.",
        Some("North Korea vowed to cancel the 1953 cease-fire that ended the Korean War."),
    );
    check(
        "Banker, in an interview Wednesday night, questioned the decision to hire him.",
        Some("Banker, in an interview, questioned the decision to hire him."),
    );
    check(
        "Beirut, lebanon — determined to control political change in syria, the government announced monday that nearly 90 percent of voters had approved a new constitution.",
        Some("Beirut, lebanon — determined to control political change in syria, the government announced that nearly 90 percent of voters had approved a new constitution."),
    );
    check(
        "Police arrived at the scene Monday night after the alarm went off.",
        Some("Police arrived at the scene after the alarm went off."),
    );
    check(
        "The president spoke to reporters this morning about the attack.",
        Some("The president spoke to reporters about the attack."),
    );
    check(
        "On Monday the governor declared a state of emergency in three counties.",
        Some("The governor declared a state of emergency in three counties."),
    );
}

#[test]
fn days_that_carry_meaning_stay() {
    for sentence in [
        "The talks were suspended until Monday after the delegates walked out.",
        "Shoppers crowded the malls on Black Friday as prices fell sharply.",
        "Police said Monday's attack was the worst in the city for a decade.",
        "The storm is expected to hit the coast between Monday and Tuesday next week.",
        "Stores will stay open from Monday to Friday until the end of the month.",
        "The vote is set for Tuesday, Nov. 6, in every state of the union.",
        "\"We will be back on Monday,\" the union leader told the crowd outside.",
    ] {
        check(sentence, None);
    }
}

#[test]
fn trailing_attributions_go_when_the_sentence_stands_without() {
    check(
        "Twenty-three hostages and 32 militants were killed in the attack, the Algerian interior ministry said on Saturday.",
        Some("Twenty-three hostages and 32 militants were killed in the attack."),
    );
    check(
        "Twenty-three hostages and 32 militants were killed in the attack on a natural gas plant deep in the Sahara, the Algerian interior ministry said on Saturday, according to news services.",
        Some("Twenty-three hostages and 32 militants were killed in the attack on a natural gas plant deep in the Sahara."),
    );
    check("The death toll rose to 52, according to the health ministry.", Some("The death toll rose to 52."));
    // A quotation keeps its speaker; a short head does not stand alone; more than who said it stays.
    check("\"We remain in close contact with the Algerian government,\" Hammond said.", None);
    check("It was over, officials said.", None);
    check("``We have a lot of needs on any reservation, and ours is the same,'' said the tribal president.", None);
    check("The plant was shut after the blast, officials said, adding that no one was hurt in it.", None);
}

#[test]
fn datelines_parentheticals_and_ages_go() {
    check(
        "PINE RIDGE, S.D. (AP) -- President Clinton turned the attention of his national poverty tour to American Indians.",
        Some("President Clinton turned the attention of his national poverty tour to American Indians."),
    );
    check(
        "( associated press ) pedro quezada, 44, entered eagle liquors store, where the ticket was sold, late monday afternoon.",
        Some("Pedro quezada, 44, entered eagle liquors store, where the ticket was sold."),
    );
    check(
        "manila ( reuters ) - philippine leader rodrigo duterte on tuesday told u.s. president barack obama to go to hell.",
        Some("Philippine leader rodrigo duterte told u.s. president barack obama to go to hell."),
    );
    check(
        "Advertisement the vermont senator pointed to his congressional record on trade.",
        Some("The vermont senator pointed to his congressional record on trade."),
    );
    check(
        "WASHINGTON — The Senate passed the bill by a vote of 68 to 32.",
        Some("The Senate passed the bill by a vote of 68 to 32."),
    );
    check(
        "The militants seized the In Amenas gas plant (about 1,300 kilometres from Algiers) at dawn.",
        Some("The militants seized the In Amenas gas plant at dawn."),
    );
    check(
        "John Smith, 45, was arrested at his home in the north of the city.",
        Some("John Smith was arrested at his home in the north of the city."),
    );
}

#[test]
fn nothing_to_drop_is_none_and_short_results_are_refused() {
    check("Troops stormed the plant and freed the hostages.", None);
    check("Troops left Monday.", None);
    check("", None);
}
