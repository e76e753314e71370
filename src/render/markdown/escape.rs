//! Markdown that text from the journal cannot break: plain text escaped so
//! nothing in it starts a block, emphasis, a link or HTML; the user's own
//! Markdown with its headings nested under the talk and an unclosed fence
//! closed; heading anchors as GitHub makes them.

use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, Event as MdEvent, HeadingLevel, Parser, Tag};

use crate::model::text;

/// Escapes plain text for inline Markdown: nothing in it can start a block,
/// emphasis, a link, code or raw HTML. Newlines become spaces.
pub fn escape_inline(input: &str) -> String {
    let input = text::one_line(input);
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let starts_block = i == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '|');
        let word_edge = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_none_or(|c| !c.is_alphanumeric());
        let special = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // snake_case stays readable: only an underscore at a word edge can emphasise.
            '_' => word_edge(i.checked_sub(1)) || word_edge(Some(i + 1)),
            // Only "&name;" or "&#123;" would be read as an entity.
            '&' => is_entity(&chars[i + 1..]),
            _ => false,
        };
        if starts_block || special {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. Title" would start an ordered list inside a list item.
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

fn is_entity(after: &[char]) -> bool {
    let name: Vec<&char> = after.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').collect();
    !name.is_empty() && after.get(name.len()) == Some(&';')
}

/// A link destination that cannot end the link early.
pub fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The user's Markdown, made safe to embed at heading depth `depth`: its
/// ATX headings nest below, the highest one level under the talk (`# x` or
/// `## x` under a `###` talk becomes `#### x`), and an unclosed code fence
/// is closed so it cannot swallow the rest of the post.
pub fn user_markdown(markdown: &str, depth: usize) -> String {
    // Control characters have no place in a blog post (and would run on a
    // terminal reading the export); line breaks and tabs stay.
    let cleaned: String = markdown.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    let markdown = cleaned.trim_matches('\n').trim_end();
    if markdown.is_empty() {
        return String::new();
    }
    let mut headings: Vec<(usize, usize)> = Vec::new();
    let mut closing = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            MdEvent::Start(Tag::Heading { level, .. }) => {
                let source = &markdown[range.clone()];
                let hashes = source.len() - source.trim_start().len();
                if source.trim_start().starts_with('#') {
                    headings.push((range.start + hashes, heading_number(level)));
                }
            }
            MdEvent::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if range.end == markdown.len() => {
                let block = &markdown[range];
                let first = block.trim_start();
                let fence: String = first.chars().take_while(|c| *c == '`' || *c == '~').collect();
                let last = block.lines().last().unwrap_or("").trim();
                let closed = block.lines().count() > 1
                    && last.starts_with(&fence)
                    && last.trim_start_matches(fence.chars().next().unwrap_or('`')).is_empty();
                if !closed {
                    closing = Some(fence);
                }
            }
            _ => {}
        }
    }
    // The notes' highest heading goes one level below the talk's, whether
    // the person typed `#`, `##` or `#####`; the others keep their distance
    // to it (down to the sixth level, the last).
    let top = headings.iter().map(|(_, level)| *level).min().unwrap_or(1);
    // One forward pass: rewriting in place would move the rest of the text
    // once per heading.
    let mut out = String::with_capacity(markdown.len() + headings.len() * 2 + 8);
    let mut copied = 0;
    for (at, level) in headings {
        out.push_str(&markdown[copied..at]);
        out.extend(std::iter::repeat_n('#', (level + depth + 1 - top).min(6)));
        copied = at + level;
    }
    out.push_str(&markdown[copied..]);
    if let Some(fence) = closing {
        out.push('\n');
        out.push_str(&fence);
    }
    out
}

fn heading_number(level: HeadingLevel) -> usize {
    level as usize
}

/// GitHub-style heading anchors, unique within a post.
#[derive(Default)]
pub struct Anchors {
    seen: HashMap<String, usize>,
}

impl Anchors {
    pub fn next(&mut self, title: &str) -> String {
        let base: String = title
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let count = self.seen.entry(base.clone()).or_insert(0);
        let anchor = if *count == 0 { base.clone() } else { format!("{base}-{count}") };
        *count += 1;
        anchor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_cannot_become_markdown() {
        assert_eq!(escape_inline("# Not a heading"), "\\# Not a heading");
        assert_eq!(escape_inline("Ana *Silva* | Acme"), "Ana \\*Silva\\* \\| Acme");
        assert_eq!(escape_inline("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(escape_inline("2024. A year"), "2024\\. A year");
        assert_eq!(escape_inline("two\nlines"), "two lines");
        assert_eq!(escape_inline("Kubernetes 1.29 — l'an 10, Q&A!"), "Kubernetes 1.29 — l'an 10, Q&A!");
        assert_eq!(escape_inline("multi_cluster _em_ &amp;"), "multi_cluster \\_em\\_ \\&amp;");
    }

    #[test]
    fn notes_headings_nest_under_the_talk() {
        assert_eq!(user_markdown("# Big\ntext\n## Smaller", 3), "#### Big\ntext\n##### Smaller");
        assert_eq!(user_markdown("##### Deep", 3), "#### Deep");
        assert_eq!(user_markdown("## Sub\n### Subsub", 3), "#### Sub\n##### Subsub");
        assert_eq!(user_markdown("# A\n###### F", 3), "#### A\n###### F");
        assert_eq!(user_markdown("```\n# not a heading\n```", 3), "```\n# not a heading\n```");
    }

    #[test]
    fn an_unclosed_fence_is_closed() {
        assert_eq!(user_markdown("text\n```yaml\nkind: Pod", 3), "text\n```yaml\nkind: Pod\n```");
        assert_eq!(user_markdown("~~~~\ncode\n~~~~", 3), "~~~~\ncode\n~~~~");
        assert_eq!(user_markdown("```", 3), "```\n```");
    }

    #[test]
    fn anchors_follow_github_and_stay_unique() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.next("Gateway API: A New Set"), "gateway-api-a-new-set");
        assert_eq!(anchors.next("Gateway API: A New Set"), "gateway-api-a-new-set-1");
        assert_eq!(anchors.next("Échanges au stand"), "échanges-au-stand");
    }
}
