//! Speakers: a name and, often, an organisation.

use std::fmt;

/// A speaker as written in the journal: `"Liz Rice (Isovalent)"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub org: Option<String>,
}

impl Speaker {
    /// Parses `"Name (Org)"`, `"Name @Org"` or `"Name"`. Returns `None` for
    /// blank input.
    ///
    /// The journal stores a speaker as text ([`Speaker::stored`]) and reads
    /// it back with this function, so a split that no stored form reads
    /// back the same keeps the whole text as the name instead.
    pub fn parse(input: &str) -> Option<Speaker> {
        let speaker = Speaker::split(input)?;
        // Text already in the natural form reads back as itself (the
        // common case, and the cheap one: no formatting).
        if speaker.is_written_as(input.trim())
            || speaker.stored_forms().iter().any(|form| speaker.reads_back_from(form))
        {
            Some(speaker)
        } else {
            Some(Speaker { name: input.trim().to_string(), org: None })
        }
    }

    /// The text the journal keeps: the display text, or another form when
    /// that one would read back differently (a name with an `@` and no
    /// organisation is stored as `"ann@home ()"`).
    pub fn stored(&self) -> String {
        let [natural, other] = self.stored_forms();
        if self.reads_back_from(&natural) || !self.reads_back_from(&other) { natural } else { other }
    }

    /// Two ways to write the speaker, the natural one first. `"Name ()"`
    /// always reads back as a name alone.
    fn stored_forms(&self) -> [String; 2] {
        match &self.org {
            Some(org) => [format!("{} ({org})", self.name), format!("{} @{org}", self.name)],
            None => [self.name.clone(), format!("{} ()", self.name)],
        }
    }

    /// Whether `text` is the natural form of the speaker.
    fn is_written_as(&self, text: &str) -> bool {
        match &self.org {
            Some(org) => text
                .strip_prefix(self.name.as_str())
                .and_then(|rest| rest.strip_prefix(" ("))
                .and_then(|rest| rest.strip_suffix(')'))
                .is_some_and(|rest| rest == org),
            None => text == self.name,
        }
    }

    fn reads_back_from(&self, text: &str) -> bool {
        Speaker::split(text).as_ref() == Some(self)
    }

    fn split(input: &str) -> Option<Speaker> {
        let input = input.trim();
        let (name, org) = if let Some(open) = opening_of_final_parenthesis(input) {
            (&input[..open], Some(&input[open + 1..input.len() - 1]))
        } else if let Some(at) = input.rfind(" @").or_else(|| input.rfind('@').filter(|&i| i > 0)) {
            (&input[..at], Some(input[at..].trim_start().trim_start_matches('@')))
        } else {
            (input, None)
        };
        let name = name.trim();
        let org = org.map(str::trim).filter(|o| !o.is_empty());
        match (name.is_empty(), org) {
            (true, None) => None,
            // "(CNCF)" alone: better to keep the text as a name than lose it.
            (true, Some(_)) => Some(Speaker { name: input.to_string(), org: None }),
            (false, org) => Some(Speaker { name: name.to_string(), org: org.map(str::to_string) }),
        }
    }

    /// Splits a prompt answer such as `"Liz Rice (Isovalent), Thomas Graf"`
    /// on commas and semicolons that are not inside parentheses.
    pub fn parse_list(input: &str) -> Vec<Speaker> {
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0usize, 0);
        for (i, c) in input.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
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

/// The byte index of the `(` matching a `)` that ends `input`.
fn opening_of_final_parenthesis(input: &str) -> Option<usize> {
    if !input.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in input.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

impl fmt::Display for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.org {
            Some(org) => write!(f, "{} ({org})", self.name),
            None => f.write_str(&self.name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(name: &str, org: Option<&str>) -> Speaker {
        Speaker { name: name.into(), org: org.map(Into::into) }
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
    fn splits_lists_outside_parentheses() {
        let list = Speaker::parse_list("Liz Rice (Isovalent), Bob (A, B); Carol");
        assert_eq!(list, vec![sp("Liz Rice", Some("Isovalent")), sp("Bob", Some("A, B")), sp("Carol", None)]);
    }
}
