//! The Markdown blog post: the data a template sees, and its rendering with
//! minijinja.
//!
//! Text from the journal cannot break the post: plain-text fields (titles,
//! speakers, rooms, labels) are escaped here, before any template sees them;
//! notes, intros and conclusions are the user's Markdown and are kept, with
//! their headings nested under the talk and an unclosed code fence closed.

use std::collections::HashMap;
use std::fmt::Write;

use chrono::NaiveDate;
use minijinja::{Environment, UndefinedBehavior};
use pulldown_cmark::{CodeBlockKind, Event as MdEvent, HeadingLevel, Parser, Tag};
use serde::Serialize;

use crate::model::{Event, Kind, Lang, Session, Status, Vocabulary, text};
use crate::render::time_range;
use crate::render::words::words;

/// The built-in template, printed by `--print-template`.
pub const BUILTIN_TEMPLATE: &str = include_str!("templates/post.md.j2");

/// A template's source and the name its errors are reported under.
pub struct Template<'a> {
    pub name: &'a str,
    pub source: &'a str,
}

/// Front matter for static site generators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatter {
    Yaml,
    Toml,
    None,
}

/// Everything a template can use. Documented in the README; fields are only
/// ever added.
#[derive(Debug, Serialize)]
pub struct Post {
    pub lang: &'static str,
    pub title: String,
    /// The date the post is about: the day's, or the event's first.
    pub date: String,
    pub front_matter: String,
    pub event: EventData,
    pub intro: String,
    pub days: Vec<DayData>,
    pub to_try: Vec<TalkData>,
    pub conclusion: String,
    pub series: Option<Series>,
    pub words: PostWords,
    pub tags: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct EventData {
    pub name: String,
    pub slug: String,
    pub location: String,
    pub start: String,
    pub end: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct DayData {
    pub number: u32,
    pub date: String,
    /// Set when the post covers several days.
    pub heading: String,
    pub intro: String,
    pub conclusion: String,
    /// `##` for a one-day post, `###` inside a multi-day post.
    pub section_level: &'static str,
    pub talk_level: &'static str,
    pub keynotes: Vec<TalkData>,
    pub talks: Vec<TalkData>,
    pub wished: Vec<TalkData>,
    pub meetings: Vec<TalkData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TalkData {
    pub id: u32,
    pub title: String,
    /// The heading's anchor (`#…`), empty for talks without a section.
    pub anchor: String,
    pub speakers: String,
    pub room: String,
    pub time: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub links: Vec<LinkData>,
    /// The line under the heading: speakers · room · links.
    pub meta: String,
    pub notes: String,
    pub verdict: String,
    pub verdict_key: String,
    pub tags: Vec<String>,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkData {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct Series {
    pub total: usize,
    pub position: usize,
    pub posts: Vec<SeriesPost>,
    /// "This post is part of a series of 3 posts: [Day 1](…), …"
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesPost {
    pub title: String,
    pub file: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct PostWords {
    pub keynotes: &'static str,
    pub talks: &'static str,
    pub wished: &'static str,
    pub meetings: &'static str,
    pub to_try: &'static str,
    pub conclusion: &'static str,
    pub verdict: &'static str,
    /// ":" in English, "\u{a0}:" in French.
    pub colon: &'static str,
}

fn post_words(lang: Lang) -> PostWords {
    match lang {
        Lang::Fr => PostWords {
            keynotes: "Keynotes",
            talks: "Talks",
            wished: "Les talks que j'aurais aimé voir",
            meetings: "Sponsors et rencontres",
            to_try: "À tester",
            conclusion: "Conclusion",
            verdict: "Verdict",
            colon: "\u{a0}:",
        },
        Lang::En => PostWords {
            keynotes: "Keynotes",
            talks: "Talks",
            wished: "Talks I wish I had seen",
            meetings: "Sponsors and people met",
            to_try: "To try",
            conclusion: "Conclusion",
            verdict: "Verdict",
            colon: ":",
        },
    }
}

/// What to put in a post: one event, some of its days, the sessions that
/// passed the filters.
pub struct PostInput<'a> {
    pub event: &'a Event,
    pub days: Vec<u32>,
    /// Sessions already filtered and sorted.
    pub sessions: Vec<&'a Session>,
    pub vocabulary: &'a Vocabulary,
    pub lang: Lang,
    pub front_matter: FrontMatter,
    pub author: Option<&'a str>,
}

/// Builds the template data. One day gives a day post; several days give
/// one post with a section per day.
pub fn build(input: &PostInput<'_>) -> Post {
    let w = words(input.lang);
    let single = input.days.len() == 1;
    let mut anchors = Anchors::default();
    let days: Vec<DayData> = input.days.iter().map(|&d| day_data(input, d, single, &mut anchors)).collect();
    let all_talks = days.iter().flat_map(|d| d.keynotes.iter().chain(&d.talks).chain(&d.meetings).chain(&d.wished));
    let to_try: Vec<TalkData> = all_talks.filter(|t| t.verdict_key == "to-try").cloned().collect();
    let day_notes = |day: u32| input.event.days.get(&day).cloned().unwrap_or_default();
    let (intro, conclusion) = match input.days.as_slice() {
        [day] => (day_notes(*day).intro.unwrap_or_default(), day_notes(*day).conclusion.unwrap_or_default()),
        _ => (String::new(), String::new()),
    };
    let title = post_title(input.event, &input.days, input.lang);
    let date = input.days.first().and_then(|d| input.event.date_of(*d)).unwrap_or(input.event.start);
    let tags = post_tags(input);
    let mut post = Post {
        lang: match input.lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        },
        date: date.to_string(),
        front_matter: String::new(),
        event: EventData {
            name: escape_inline(&input.event.name),
            slug: input.event.slug.clone(),
            location: escape_inline(input.event.location.as_deref().unwrap_or(w.online)),
            start: input.event.start.to_string(),
            end: input.event.end.to_string(),
            url: input.event.url.as_deref().map(escape_url).unwrap_or_default(),
        },
        intro: user_markdown(&intro, 1),
        days,
        to_try,
        conclusion: user_markdown(&conclusion, 1),
        series: None,
        words: post_words(input.lang),
        title: escape_inline(&title),
        tags,
    };
    // Like the title of a hand-written recap: "… — Jour 2 (jeudi 21 mars)".
    let dated_title = match input.days.as_slice() {
        [_] => format!("{title} ({})", words(input.lang).day_and_month(date)),
        _ => title,
    };
    post.front_matter = front_matter(input.front_matter, &dated_title, date, &post.tags, input.author);
    post
}

fn day_data(input: &PostInput<'_>, day: u32, single: bool, anchors: &mut Anchors) -> DayData {
    let w = words(input.lang);
    let notes = input.event.days.get(&day).cloned().unwrap_or_default();
    let date = input.event.date_of(day);
    let (section_level, talk_level) = if single { ("##", "###") } else { ("###", "####") };
    let depth = if single { 3 } else { 4 };
    let sessions: Vec<&Session> = input.sessions.iter().copied().filter(|s| s.day == day).collect();
    let mut talk = |s: &Session, with_section: bool| talk_data(input, s, with_section.then_some(&mut *anchors), depth);
    let heading = if single {
        String::new()
    } else {
        let long = date.map(|d| w.long_date(d)).unwrap_or_default();
        match notes.label.as_deref().filter(|l| !is_weekday_label(l, date, input.lang)) {
            Some(label) => escape_inline(&format!("{} {day} — {label} ({long})", w.day)),
            None => escape_inline(&format!("{} {day} — {long}", w.day)),
        }
    };
    let mut day_data = DayData {
        number: day,
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        heading,
        intro: if single { String::new() } else { user_markdown(notes.intro.as_deref().unwrap_or(""), depth - 2) },
        conclusion: if single {
            String::new()
        } else {
            user_markdown(notes.conclusion.as_deref().unwrap_or(""), depth - 1)
        },
        section_level,
        talk_level,
        keynotes: Vec::new(),
        talks: Vec::new(),
        wished: Vec::new(),
        meetings: Vec::new(),
    };
    for s in sessions {
        match section_of(s) {
            Section::Keynotes => day_data.keynotes.push(talk(s, true)),
            Section::Talks => day_data.talks.push(talk(s, true)),
            Section::Wished => day_data.wished.push(talk(s, false)),
            Section::Meetings => day_data.meetings.push(talk(s, true)),
        }
    }
    day_data
}

enum Section {
    Keynotes,
    Talks,
    Wished,
    Meetings,
}

/// Where a session goes in the post: what was not seen goes to the wished
/// list (a replay the user has not noted yet too); sponsors and networking
/// to their own section.
fn section_of(s: &Session) -> Section {
    let unseen = matches!(s.status, Status::Missed | Status::Planned)
        || (s.status == Status::Replay && s.notes.trim().is_empty());
    match s.kind {
        _ if unseen => Section::Wished,
        Kind::Keynote => Section::Keynotes,
        Kind::Sponsor | Kind::Networking => Section::Meetings,
        _ => Section::Talks,
    }
}

fn talk_data(input: &PostInput<'_>, s: &Session, anchors: Option<&mut Anchors>, depth: usize) -> TalkData {
    let title = one_line(&s.title);
    let speakers = escape_inline(&s.speakers_line());
    let room = s.room.as_deref().map(escape_inline).unwrap_or_default();
    let links: Vec<LinkData> =
        s.links.iter().map(|l| LinkData { label: escape_inline(&l.label), url: escape_url(&l.url) }).collect();
    let mut meta = Vec::new();
    if !speakers.is_empty() {
        meta.push(format!("*{speakers}*"));
    }
    if !room.is_empty() {
        meta.push(room.clone());
    }
    meta.extend(links.iter().map(|l| format!("[{}]({})", l.label, l.url)));
    TalkData {
        id: s.id,
        anchor: anchors.map(|a| a.next(&title)).unwrap_or_default(),
        title: escape_inline(&title),
        speakers,
        room,
        time: time_range(input.event, s),
        kind: s.kind.key(),
        status: s.status.key(),
        links,
        meta: meta.join(" · "),
        notes: user_markdown(&s.notes, depth),
        verdict: s.verdict.as_deref().map(|v| escape_inline(input.vocabulary.label(v, input.lang))).unwrap_or_default(),
        verdict_key: s.verdict.clone().unwrap_or_default(),
        tags: s.tags.iter().map(|t| escape_inline(t)).collect(),
        abstract_text: s.abstract_text.as_deref().map(escape_inline).unwrap_or_default(),
    }
}

/// "KubeCon Europe 2024 — Jour 2" (+ the day's label), or the event's name
/// for a multi-day post.
pub fn post_title(event: &Event, days: &[u32], lang: Lang) -> String {
    let w = words(lang);
    let name = one_line(&event.name);
    let [day] = days else { return name };
    let date = event.date_of(*day);
    match event.day_label(*day).filter(|l| !is_weekday_label(l, date, lang)) {
        Some(label) => format!("{name} — {} {day}{} {}", w.day, post_words(lang).colon, one_line(label)),
        None => format!("{name} — {} {day}", w.day),
    }
}

/// Whether a day's label only repeats its weekday ("Jeudi" on a Thursday).
fn is_weekday_label(label: &str, date: Option<NaiveDate>, lang: Lang) -> bool {
    use chrono::Datelike;
    date.is_some_and(|d| text::fold(label.trim()) == text::fold(words(lang).weekday(d.weekday())))
}

/// Most tags a post gets in its front matter.
const MAX_TAGS: usize = 8;

/// The event's tags, then the sessions' most used ones.
fn post_tags(input: &PostInput<'_>) -> Vec<String> {
    // Counted in first-seen order, so that equal counts keep it.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for tag in input.sessions.iter().flat_map(|s| s.tags.iter()).map(|t| one_line(t)) {
        match index.get(&tag) {
            Some(&i) => counts[i].1 += 1,
            None => {
                index.insert(tag.clone(), counts.len());
                counts.push((tag, 1));
            }
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let mut tags: Vec<String> = Vec::new();
    for tag in input.event.tags.iter().map(|t| one_line(t)).chain(counts.into_iter().map(|(t, _)| t)) {
        if !tag.is_empty() && !tags.contains(&tag) && tags.len() < MAX_TAGS {
            tags.push(tag);
        }
    }
    tags
}

fn front_matter(kind: FrontMatter, title: &str, date: NaiveDate, tags: &[String], author: Option<&str>) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("strings serialise");
    match kind {
        FrontMatter::None => String::new(),
        FrontMatter::Yaml => {
            let mut out = format!("---\ntitle: {}\ndate: {date}\n", quote(title));
            if let Some(author) = author {
                let _ = writeln!(out, "author: {}", quote(author));
            }
            let tags: Vec<String> = tags.iter().map(|t| quote(t)).collect();
            let _ = write!(out, "tags: [{}]\ndraft: true\n---\n", tags.join(", "));
            out
        }
        FrontMatter::Toml => {
            let mut doc = toml_edit::DocumentMut::new();
            doc["title"] = toml_edit::value(title);
            doc["date"] = toml_edit::value(date.to_string().parse::<toml_edit::Datetime>().expect("a date"));
            if let Some(author) = author {
                doc["author"] = toml_edit::value(author);
            }
            doc["tags"] = toml_edit::value(tags.iter().map(String::as_str).collect::<toml_edit::Array>());
            doc["draft"] = toml_edit::value(true);
            format!("+++\n{doc}+++\n")
        }
    }
}

/// Renders `post` with `template`. Errors name the template, line and problem.
pub fn render(post: &Post, template: &Template<'_>) -> Result<String, String> {
    let mut env = Environment::new();
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .map_err(|e| e.to_string())?,
    );
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Templates cannot loop forever; they cannot read files either, as no
    // loader is configured.
    env.set_fuel(Some(50_000_000));
    env.add_template(template.name, template.source).map_err(|e| describe(&e, template))?;
    let compiled = env.get_template(template.name).map_err(|e| describe(&e, template))?;
    let out = compiled.render(minijinja::value::Serde(post)).map_err(|e| describe(&e, template))?;
    Ok(format!("{}\n", out.trim_end()))
}

fn describe(err: &minijinja::Error, template: &Template<'_>) -> String {
    let line = err.line().map(|l| format!(":{l}")).unwrap_or_default();
    let detail = err.detail().map(|d| format!(": {d}")).unwrap_or_default();
    format!("{}{line}: {}{detail}", template.name, err.kind())
}

/// Escapes plain text for inline Markdown: nothing in it can start a block,
/// emphasis, a link, code or raw HTML. Newlines become spaces.
pub fn escape_inline(input: &str) -> String {
    let input = one_line(input);
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
fn escape_url(url: &str) -> String {
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

/// Control characters and line breaks of a one-line field become spaces.
fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The user's Markdown, made safe to embed at heading depth `depth`: its
/// ATX headings nest below (`# x` under a `###` talk becomes `#### x`), an
/// unclosed code fence is closed so it cannot swallow the rest of the post.
pub fn user_markdown(markdown: &str, depth: usize) -> String {
    // Control characters have no place in a blog post (and would run on a
    // terminal reading the export); line breaks and tabs stay.
    let cleaned: String = markdown.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    let markdown = cleaned.trim_matches('\n').trim_end();
    if markdown.is_empty() {
        return String::new();
    }
    let mut insertions: Vec<(usize, usize)> = Vec::new();
    let mut closing = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            MdEvent::Start(Tag::Heading { level, .. }) => {
                let source = &markdown[range.clone()];
                let hashes = source.len() - source.trim_start().len();
                if source.trim_start().starts_with('#') {
                    let extra = (heading_number(level) + depth).min(6) - heading_number(level);
                    insertions.push((range.start + hashes, extra));
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
    // One forward pass: inserting in place would move the rest of the text
    // once per heading.
    let mut out = String::with_capacity(markdown.len() + insertions.len() * 2 + 8);
    let mut copied = 0;
    for (at, extra) in insertions {
        out.push_str(&markdown[copied..at]);
        out.extend(std::iter::repeat_n('#', extra));
        copied = at;
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
struct Anchors {
    seen: HashMap<String, usize>,
}

impl Anchors {
    fn next(&mut self, title: &str) -> String {
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
        assert_eq!(user_markdown("##### Deep", 3), "###### Deep");
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
