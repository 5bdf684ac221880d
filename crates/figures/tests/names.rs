//! Text output and JSON output name every figure enum the same way: `Display` gives the serde
//! name, and label files (which deserialise those names) read back what `Display` prints.

use chorus_figures::{Event, Phase, Scope, Verdict};
use serde::Serialize;
use std::fmt::Display;

fn assert_display_is_serde_name<T: Display + Serialize>(values: &[T]) {
    for value in values {
        assert_eq!(serde_json::to_string(value).unwrap(), format!("\"{value}\""));
    }
}

#[test]
fn verdicts() {
    use Verdict::*;
    assert_display_is_serde_name(&[Agree, Consistent, OneReport, Disagree, Updated]);
    assert_eq!(OneReport.to_string(), "one_report");
}

#[test]
fn events_phases_and_scopes_read_back() {
    use Event::*;
    let events = [Killed, Injured, Missing, Held, Freed, Escaped, Safe, Arrested, Present];
    assert_display_is_serde_name(&events);
    for event in events {
        assert_eq!(serde_json::from_str::<Event>(&format!("\"{event}\"")).unwrap(), event);
    }
    let phases = [Phase::First, Phase::Final];
    assert_display_is_serde_name(&phases);
    for phase in phases {
        assert_eq!(serde_json::from_str::<Phase>(&format!("\"{phase}\"")).unwrap(), phase);
    }
    let scopes = [Scope::Period, Scope::Rate, Scope::OtherEvents, Scope::Part];
    assert_display_is_serde_name(&scopes);
    for scope in scopes {
        assert_eq!(serde_json::from_str::<Scope>(&format!("\"{scope}\"")).unwrap(), scope);
    }
}
