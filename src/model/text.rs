//! Text helpers shared by the model: accent- and case-insensitive matching,
//! slugs, "did you mean" suggestions.

use unicode_normalization::char::is_combining_mark;

/// Lower-cases `s` and strips accents, so "À Tester" and "a tester" compare equal.
/// ASCII runs are lower-cased in place; other characters are decomposed one
/// by one, much cheaper than normalising whole texts (filter folds every note).
pub fn fold(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    let mut rest = s;
    // Notes are mostly ASCII: lower-case whole runs of it at once.
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = folded.len();
        folded.push_str(&rest[..ascii]);
        folded[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        fold_char(c, &mut folded);
        rest = &rest[c.len_utf8()..];
    }
    folded
}

fn fold_char(c: char, folded: &mut String) {
    match c {
        // Ligatures do not decompose: "cœur" must match "coeur".
        'œ' | 'Œ' => folded.push_str("oe"),
        'æ' | 'Æ' => folded.push_str("ae"),
        'ß' => folded.push_str("ss"),
        _ => unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                folded.extend(d.to_lowercase());
            }
        }),
    }
}

/// [`fold`], keeping only letters and digits: "to-try", "To Try" and "to_try"
/// are the same key.
pub fn fold_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether `haystack` contains `needle`, ignoring case and accents.
/// `needle` must already be folded.
pub fn contains_folded(haystack: &str, folded_needle: &str) -> bool {
    fold(haystack).contains(folded_needle)
}

/// Whether `word` (folded) starts a word of `folded` (folded): "rust"
/// finds "Rust" and "rustacean", never "Trust". A word typed with a
/// non-alphanumeric first character ("-v", ".net") matches anywhere.
pub fn has_word(folded: &str, word: &str) -> bool {
    if word.is_empty() {
        // Found everywhere (and memmem would stop inside characters).
        return true;
    }
    let starts_word = word.chars().next().is_some_and(char::is_alphanumeric);
    // The same leftmost, non-overlapping matches as `str::match_indices`,
    // found with SIMD: filter searches every note of the journal.
    memchr::memmem::find_iter(folded.as_bytes(), word.as_bytes())
        .any(|at| !starts_word || folded[..at].chars().next_back().is_none_or(|before| !before.is_alphanumeric()))
}

/// An ASCII slug from a name: "KubeCon Europe 2024" → "kubecon-europe-2024".
/// Only `[a-z0-9-]`, so a slug can never name a path outside the journal.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let mut end = slug.len().min(64);
    while slug[..end].ends_with('-') {
        end -= 1;
    }
    slug[..end].to_string()
}

/// Whether `slug` is what [`slugify`] could have produced.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty() && slugify(slug) == slug
}

/// The slug of an event, which names its file: [`slugify`], with `-event`
/// after a name Windows keeps for a device (`con.toml` cannot be created
/// there), so that a journal can move between systems.
pub fn event_slug(name: &str) -> String {
    let slug = slugify(name);
    if is_device_name(&slug) { format!("{slug}-event") } else { slug }
}

pub fn is_event_slug(slug: &str) -> bool {
    is_valid_slug(slug) && !is_device_name(slug)
}

fn is_device_name(slug: &str) -> bool {
    matches!(slug, "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"]
            .iter()
            .any(|device| slug.strip_prefix(device).is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit()))
}

/// The candidate closest to `input`, if it is close enough to be a typo.
pub fn suggest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let input = fold(input);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input, &fold(c)), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// A three-way merge of texts by lines, where nothing is dropped: each
/// side's changes to `base` are taken, and where both changed the same
/// lines, my lines then theirs. Texts end with a line break.
pub fn merge_lines(base: &str, mine: &str, theirs: &str) -> String {
    let with_end =
        |text: &str| if text.is_empty() || text.ends_with('\n') { text.to_string() } else { format!("{text}\n") };
    let (base, mine, theirs) = (with_end(base), with_end(mine), with_end(theirs));
    let (base_lines, my_lines, their_lines) = (lines(&base), lines(&mine), lines(&theirs));
    let merge = merge3::Merge3::new(&base_lines, &my_lines, &their_lines);
    let mut merged = String::new();
    for group in merge.merge_groups() {
        match group {
            merge3::MergeGroup::Unchanged(lines)
            | merge3::MergeGroup::Same(lines)
            | merge3::MergeGroup::A(lines)
            | merge3::MergeGroup::B(lines) => merged.extend(lines.iter().copied()),
            merge3::MergeGroup::Conflict(base_part, my_part, their_part) => {
                let base_part = base_part.unwrap_or_default();
                // One side only added lines after the common ones: the
                // other side's change, then those lines.
                if let Some(added) = their_part.strip_prefix(base_part) {
                    merged.extend(my_part.iter().chain(added).copied());
                } else if let Some(added) = my_part.strip_prefix(base_part) {
                    merged.extend(their_part.iter().chain(added).copied());
                } else {
                    merged.extend(my_part.iter().copied());
                    merged.extend(their_part.iter().filter(|line| !my_part.contains(line)).copied());
                }
            }
        }
    }
    merged
}

/// `text` on one line: control characters (line breaks included) become
/// spaces and runs of white space one space. For a title in a heading, a
/// TOML comment or a front-matter field.
pub fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_at_word_boundaries() {
        assert!(has_word("trust and rust", "rust"));
        assert!(!has_word("trust me", "rust"));
        assert!(has_word("rustacean", "rust"));
        assert!(has_word("l'echelle", "echelle"));
        assert!(has_word("asp.net core", ".net"));
    }

    #[test]
    fn event_slugs_never_name_a_windows_device() {
        assert_eq!(event_slug("CON"), "con-event");
        assert_eq!(event_slug("Com1"), "com1-event");
        assert_eq!(event_slug("Con 2024"), "con-2024");
        assert!(!is_event_slug("nul") && !is_event_slug("lpt9") && is_event_slug("lpt10"));
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("À TESTER"), "a tester");
        assert_eq!(fold_key("À tester"), fold_key("a-tester"));
        assert_eq!(fold_key("to_try"), "totry");
    }

    #[test]
    fn slugs_are_ascii_and_safe() {
        assert_eq!(slugify("KubeCon Europe 2024"), "kubecon-europe-2024");
        assert_eq!(slugify("Journées Réseau — Écully"), "journees-reseau-ecully");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("a\0b"), "a-b");
        assert_eq!(slugify("!!!"), "");
        assert!(slugify(&"x-".repeat(100)).len() <= 64);
        assert!(!slugify(&"x-".repeat(100)).ends_with('-'));
        assert!(is_valid_slug("fosdem-2025"));
        assert!(!is_valid_slug("../x"));
    }

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(suggest("meh!", ["top", "good", "meh"]), Some("meh".into()));
        assert_eq!(suggest("zzz", ["top", "good", "meh"]), None);
    }
}
