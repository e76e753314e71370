//! Front matter for static site generators (Hugo, Jekyll…), YAML or TOML.

use std::fmt::Write;

use chrono::NaiveDate;

/// Front matter for static site generators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatter {
    Yaml,
    Toml,
    None,
}

/// The block that opens the post, or nothing. `draft` only when asked:
/// a static site builds no page of a draft by default. No `tags` line
/// without tags: an empty list is a line for the author to delete.
pub fn front_matter(
    kind: FrontMatter,
    title: &str,
    date: NaiveDate,
    tags: &[String],
    author: Option<&str>,
    draft: bool,
) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("strings serialise");
    match kind {
        FrontMatter::None => String::new(),
        FrontMatter::Yaml => {
            let mut out = format!("---\ntitle: {}\ndate: {date}\n", quote(title));
            if let Some(author) = author {
                let _ = writeln!(out, "author: {}", quote(author));
            }
            if !tags.is_empty() {
                let tags: Vec<String> = tags.iter().map(|t| quote(t)).collect();
                let _ = writeln!(out, "tags: [{}]", tags.join(", "));
            }
            if draft {
                out.push_str("draft: true\n");
            }
            out.push_str("---\n");
            out
        }
        FrontMatter::Toml => {
            let mut doc = toml_edit::DocumentMut::new();
            doc["title"] = toml_edit::value(title);
            doc["date"] = toml_edit::value(date.to_string().parse::<toml_edit::Datetime>().expect("a date"));
            if let Some(author) = author {
                doc["author"] = toml_edit::value(author);
            }
            if !tags.is_empty() {
                doc["tags"] = toml_edit::value(tags.iter().map(String::as_str).collect::<toml_edit::Array>());
            }
            if draft {
                doc["draft"] = toml_edit::value(true);
            }
            format!("+++\n{doc}+++\n")
        }
    }
}
