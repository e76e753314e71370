//! Speakers: a name and, often, a role and an organisation.

use std::fmt;

/// A speaker as written in the journal: `"Liz Rice (Isovalent)"`, or with
/// a role, `"Bob Wise [CEO] (Heroku)"`, shown "Bob Wise, CEO (Heroku)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    /// What the person is there as ("CEO", "animateur"), beside the
    /// organisation.
    pub role: Option<String>,
    pub org: Option<String>,
}

impl Speaker {
    /// Parses `"Name [role] (Org)"`, `"Name [role] @Org"`, with or without
    /// the role or the organisation. Returns `None` for blank input.
    ///
    /// The journal stores a speaker as text ([`Speaker::stored`]) and reads
    /// it back with this function, so a split that no stored form reads
    /// back the same keeps the whole text as the name instead.
    pub fn parse(input: &str) -> Option<Speaker> {
        let speaker = Speaker::split(input)?;
        // Text already in the natural form reads back as itself (the
        // common case, and the cheap one: a single candidate).
        if speaker.natural() == input.trim() || speaker.stored_form().is_some() {
            Some(speaker)
        } else {
            Some(Speaker { name: input.trim().to_string(), role: None, org: None })
        }
    }

    /// The text the journal keeps: the natural form, or another one when
    /// that one would read back differently (a name with an `@` and no
    /// organisation is stored as `"ann@home ()"`, a name ending in brackets
    /// and no role as `"Bob [x] []"`).
    pub fn stored(&self) -> String {
        self.stored_form().unwrap_or_else(|| self.natural())
    }

    /// "Name (Org)", without the role: where room is short.
    pub fn name_and_org(&self) -> String {
        match &self.org {
            Some(org) => format!("{} ({org})", self.name),
            None => self.name.clone(),
        }
    }

    fn natural(&self) -> String {
        let role = self.role.as_ref().map(|r| format!(" [{r}]")).unwrap_or_default();
        let org = self.org.as_ref().map(|o| format!(" ({o})")).unwrap_or_default();
        format!("{}{role}{org}", self.name)
    }

    /// The first way of writing the speaker that reads back as it. `"[]"`
    /// is an empty role and `"()"` an empty organisation: both read back
    /// as none, and stop what precedes them from being taken for one.
    fn stored_form(&self) -> Option<String> {
        let roles = match &self.role {
            Some(role) => vec![format!(" [{role}]")],
            None => vec![String::new(), " []".to_string()],
        };
        let orgs = match &self.org {
            Some(org) => [format!(" ({org})"), format!(" @{org}")],
            None => [String::new(), " ()".to_string()],
        };
        roles
            .iter()
            .flat_map(|role| orgs.iter().map(move |org| format!("{}{role}{org}", self.name)))
            .find(|text| Speaker::split(text).as_ref() == Some(self))
    }

    fn split(input: &str) -> Option<Speaker> {
        let input = input.trim();
        let (head, org) = if let Some(open) = opening_of_final(input, '(', ')') {
            (&input[..open], Some(&input[open + 1..input.len() - 1]))
        } else if let Some(at) = input.rfind(" @").or_else(|| input.rfind('@').filter(|&i| i > 0)) {
            (&input[..at], Some(input[at..].trim_start().trim_start_matches('@')))
        } else {
            (input, None)
        };
        let head = head.trim();
        let (name, role) = match opening_of_final(head, '[', ']') {
            Some(open) if !head[..open].trim().is_empty() => {
                (head[..open].trim(), Some(&head[open + 1..head.len() - 1]))
            }
            _ => (head, None),
        };
        let role = role.map(str::trim).filter(|r| !r.is_empty());
        let org = org.map(str::trim).filter(|o| !o.is_empty());
        let owned = |text: Option<&str>| text.map(str::to_string);
        match (name.is_empty(), org) {
            (true, None) => None,
            // "(CNCF)" alone: better to keep the text as a name than lose it.
            (true, Some(_)) => Some(Speaker { name: input.to_string(), role: None, org: None }),
            (false, org) => Some(Speaker { name: name.to_string(), role: owned(role), org: owned(org) }),
        }
    }

    /// Splits a prompt answer such as `"Liz Rice (Isovalent), Thomas Graf"`
    /// on commas and semicolons that are not inside parentheses or brackets.
    pub fn parse_list(input: &str) -> Vec<Speaker> {
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0usize, 0);
        for (i, c) in input.char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                ',' | ';' if depth == 0 => {
                    parts.push(&input[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&input[start..]);
        parts.into_iter().filter_map(Speaker::parse).collect()
    }
}

/// The byte index of the `open` matching a `close` that ends `input`.
fn opening_of_final(input: &str, open: char, close: char) -> Option<usize> {
    if !input.ends_with(close) {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in input.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

impl fmt::Display for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if let Some(role) = &self.role {
            write!(f, ", {role}")?;
        }
        match &self.org {
            Some(org) => write!(f, " ({org})"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(name: &str, org: Option<&str>) -> Speaker {
        Speaker { name: name.into(), role: None, org: org.map(Into::into) }
    }

    fn with_role(name: &str, role: &str, org: Option<&str>) -> Speaker {
        Speaker { role: Some(role.into()), ..sp(name, org) }
    }

    #[test]
    fn parses_both_notations() {
        assert_eq!(Speaker::parse("Liz Rice (Isovalent)"), Some(sp("Liz Rice", Some("Isovalent"))));
        assert_eq!(Speaker::parse("Liz Rice @Isovalent"), Some(sp("Liz Rice", Some("Isovalent"))));
        assert_eq!(Speaker::parse("Liz Rice @ Isovalent"), Some(sp("Liz Rice", Some("Isovalent"))));
        assert_eq!(Speaker::parse("  Aeva Black "), Some(sp("Aeva Black", None)));
        assert_eq!(Speaker::parse("Bob (Google Cloud (GKE))"), Some(sp("Bob", Some("Google Cloud (GKE)"))));
        assert_eq!(Speaker::parse("   "), None);
        assert_eq!(Speaker::parse("(CNCF)"), Some(sp("(CNCF)", None)));
    }

    #[test]
    fn display_round_trips() {
        for input in ["Liz Rice (Isovalent)", "Aeva Black", "Jürgen Groß (Ünïcode GmbH)"] {
            assert_eq!(Speaker::parse(input).unwrap().to_string(), input);
        }
    }

    #[test]
    fn every_speaker_reads_back_from_its_stored_form() {
        let cases = [
            ("Jane Doe @Acme (EU", sp("Jane Doe", Some("Acme (EU")), "Jane Doe @Acme (EU"),
            ("ann@home@", sp("ann@home", None), "ann@home ()"),
            ("Ann (Acme @x (EU", sp("Ann (Acme", Some("x (EU")), "Ann (Acme @x (EU"),
            ("Bo (a @b (c))", sp("Bo", Some("a @b (c)")), "Bo (a @b (c))"),
            ("Liz Rice @Isovalent", sp("Liz Rice", Some("Isovalent")), "Liz Rice (Isovalent)"),
        ];
        for (input, speaker, stored) in cases {
            assert_eq!(Speaker::parse(input).as_ref(), Some(&speaker), "{input}");
            assert_eq!(speaker.stored(), stored);
            assert_eq!(Speaker::parse(stored), Some(speaker));
        }
    }

    #[test]
    fn a_role_is_written_in_brackets_and_shown_after_a_comma() {
        let bob = with_role("Bob Wise", "CEO", Some("Heroku"));
        assert_eq!(Speaker::parse("Bob Wise [CEO] (Heroku)"), Some(bob.clone()));
        assert_eq!(Speaker::parse("Bob Wise [CEO] @Heroku"), Some(bob.clone()));
        assert_eq!(bob.to_string(), "Bob Wise, CEO (Heroku)");
        assert_eq!(bob.stored(), "Bob Wise [CEO] (Heroku)");
        let host = with_role("Kasper Borg Nissen", "animateur", None);
        assert_eq!(Speaker::parse(" Kasper Borg Nissen [animateur] "), Some(host.clone()));
        assert_eq!(host.to_string(), "Kasper Borg Nissen, animateur");
        assert_eq!(Speaker::parse("Ann [ ] (Acme)"), Some(sp("Ann", Some("Acme"))));
    }

    #[test]
    fn brackets_that_are_part_of_a_name_read_back_as_the_name() {
        let cases = [
            ("[x]", sp("[x]", None), "[x]"),
            ("Bob [x] []", sp("Bob [x]", None), "Bob [x] []"),
            ("Bob [x] [] (Acme)", sp("Bob [x]", Some("Acme")), "Bob [x] [] (Acme)"),
            ("ann@home [r] ()", with_role("ann@home", "r", None), "ann@home [r] ()"),
            ("Bo [a [b]] (c)", with_role("Bo", "a [b]", Some("c")), "Bo [a [b]] (c)"),
        ];
        for (input, speaker, stored) in cases {
            assert_eq!(Speaker::parse(input).as_ref(), Some(&speaker), "{input}");
            assert_eq!(speaker.stored(), stored);
            assert_eq!(Speaker::parse(stored), Some(speaker));
        }
    }

    #[test]
    fn splits_lists_outside_parentheses() {
        let list = Speaker::parse_list("Liz Rice (Isovalent), Bob (A, B); Carol, Dan [VP, Cloud] (X)");
        let dan = with_role("Dan", "VP, Cloud", Some("X"));
        assert_eq!(list, vec![sp("Liz Rice", Some("Isovalent")), sp("Bob", Some("A, B")), sp("Carol", None), dan]);
    }
}
