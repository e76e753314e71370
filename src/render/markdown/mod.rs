//! The Markdown blog post: the data a template sees (here), built from the
//! model; escaping (`escape`), the front matter and the template rendering
//! each have their own file.
//!
//! Text from the journal cannot break the post: plain-text fields (titles,
//! speakers, rooms, labels) are escaped here, before any template sees them;
//! notes, intros and conclusions are the user's Markdown and are kept, with
//! their headings nested under the talk and an unclosed code fence closed.

mod escape;
mod front_matter;
mod template;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::model::{DayNotes, Event, Hidden, Kind, Lang, Session, Speaker, Status, Vocabulary, text};
use crate::render::time_range;
use crate::render::words::{
    PostWords, cowritten_text, figures_line, join_names, link_label, post_words, series_text, words, written_by,
};

pub use escape::{escape_inline, escape_url, user_markdown};
pub use front_matter::FrontMatter;
pub use template::{BUILTIN_TEMPLATE, Template, render};

use escape::Anchors;
use front_matter::front_matter;

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
    /// The post's numbers, for an intro.
    pub figures: Figures,
    /// The section headings, as the config names them ("" for none).
    pub headings: Headings,
    /// What the front matter says, for a template that writes its own.
    pub meta: PostMeta,
    /// The authors of the post's sessions, when there are several (a team
    /// journal); empty otherwise.
    pub authors: Vec<String>,
    /// "Cet article a été co-écrit par …", or empty.
    pub cowritten: String,
}

/// The section headings of a post.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Headings {
    pub keynotes: String,
    pub talks: String,
    pub wished: String,
    pub meetings: String,
    pub to_try: String,
    pub conclusion: String,
}

/// The fields of the front matter, unescaped (the title as a site shows it).
#[derive(Debug, Clone, Serialize)]
pub struct PostMeta {
    pub title: String,
    pub date: String,
    pub author: String,
    pub tags: Vec<String>,
    pub draft: bool,
}

/// The numbers of the post's days, for an intro ("en chiffres").
#[derive(Debug, Serialize)]
pub struct Figures {
    /// Sessions attended (or watched on replay).
    pub seen: usize,
    /// Sessions missed or only planned.
    pub missed: usize,
    /// Seen sessions by kind key.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Sessions by verdict label.
    pub by_verdict: BTreeMap<String, usize>,
    /// Rooms and speakers' organisations of the seen sessions.
    pub rooms: usize,
    pub organisations: usize,
    /// Talks of the programme on these days (0 without a programme).
    pub programme: usize,
    /// The built-in one-line summary, when asked for (`--figures`).
    pub line: String,
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
    /// The person's paragraph about the talks they missed.
    pub wished_text: String,
    /// The day's section headings ("" for none).
    pub headings: Headings,
    pub section_level: &'static str,
    pub talk_level: &'static str,
    pub keynotes: Vec<TalkData>,
    /// The person's own sections (`--section`), in the order of their
    /// first session, after the keynotes.
    pub sections: Vec<SectionData>,
    pub talks: Vec<TalkData>,
    pub wished: Vec<TalkData>,
    pub meetings: Vec<TalkData>,
}

/// A section of the person's own: its heading and its sessions.
#[derive(Debug, Serialize)]
pub struct SectionData {
    pub heading: String,
    pub talks: Vec<TalkData>,
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
    /// The speakers one per line, when they are too many for the line.
    pub panelists: Vec<String>,
    /// The list marker of `panelists`: one the notes do not open with, so
    /// that the two lists stay two (CommonMark joins lists of one marker).
    pub panelist_marker: &'static str,
    /// Whether the talk has a heading of its own (else its notes follow
    /// the section's heading).
    pub heading: bool,
    /// Who noted it, in a team journal.
    pub author: String,
    /// "Par Léa Moreau", in a co-written post (empty otherwise, and when
    /// `takes` name each author).
    pub written_by: String,
    /// A talk several people saw: each one's notes and verdict, under one
    /// heading (`notes` and `verdict` are then empty).
    pub takes: Vec<Take>,
    pub notes: String,
    pub verdict: String,
    pub verdict_key: String,
    pub tags: Vec<String>,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
}

/// One person's notes on a talk others saw too.
#[derive(Debug, Clone, Serialize)]
pub struct Take {
    pub author: String,
    pub notes: String,
    pub verdict: String,
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
    /// "This post is part of a series of 3 posts:"
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesPost {
    pub title: String,
    /// Where the post is read: its permalink, or the address the day has.
    pub url: String,
    pub current: bool,
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
    /// Marked as a draft in the front matter (not published by a plain build).
    pub draft: bool,
    /// Talks of the programme on the post's days.
    pub programme: usize,
    /// Whether the post opens with its numbers in one line.
    pub figures_line: bool,
    /// Headings the config renames, by section key (absent: the built-in
    /// word; "": left out).
    pub headings: &'a BTreeMap<String, String>,
    /// One outline for all the days (keynotes together, then each
    /// section), without a heading per day: a recap told by theme.
    pub by_section: bool,
    /// The post's title, instead of the one the event and day give.
    pub title: Option<String>,
}

/// Builds the template data. One day gives a day post; several days give
/// one post with a section per day.
pub fn build(input: &PostInput<'_>) -> Post {
    let w = words(input.lang);
    // What the person wrote for the post as a whole: the day's, for a day's
    // post; every day's, in order, for an outline by section.
    let own_notes = match input.days.as_slice() {
        [day] => Some(input.event.days.get(day).cloned().unwrap_or_default()),
        days if input.by_section => Some(merged_notes(input.event, days)),
        _ => None,
    };
    let mut anchors = Anchors::default();
    // Several authors: a co-written post, each talk credited.
    let authors = post_authors(input);
    let cowritten = !authors.is_empty();
    let days: Vec<DayData> = match &own_notes {
        Some(notes) => vec![day_data(input, &input.days, notes, (true, cowritten), &mut anchors)],
        None => input
            .days
            .iter()
            .map(|&d| {
                let notes = input.event.days.get(&d).cloned().unwrap_or_default();
                day_data(input, &[d], &notes, (false, cowritten), &mut anchors)
            })
            .collect(),
    };
    let all_talks = days.iter().flat_map(|d| {
        let own = d.sections.iter().flat_map(|section| &section.talks);
        d.keynotes.iter().chain(own).chain(&d.talks).chain(&d.meetings).chain(&d.wished)
    });
    let to_try: Vec<TalkData> = all_talks.filter(|t| t.verdict_key == "to-try").cloned().collect();
    let own_text =
        |text: fn(&DayNotes) -> &Option<String>| own_notes.as_ref().and_then(|n| text(n).clone()).unwrap_or_default();
    let (intro, conclusion) = (own_text(|n| &n.intro), own_text(|n| &n.conclusion));
    let title = match input.title.as_deref().map(text::one_line).filter(|t| !t.is_empty()) {
        Some(title) => title,
        None => post_title(input.event, &input.days, input.lang),
    };
    let date = input.days.first().and_then(|d| input.event.date_of(*d)).unwrap_or(input.event.start);
    let tags = post_tags(input);
    let mut post = Post {
        cowritten: if authors.is_empty() {
            String::new()
        } else {
            escape_inline(&cowritten_text(&authors, input.lang))
        },
        authors: authors.iter().map(|a| escape_inline(a)).collect(),
        lang: input.lang.code(),
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
        figures: figures(input),
        // A day's post takes that day's headings for the post-wide sections too.
        headings: headings(input, own_notes.as_ref()),
        meta: PostMeta {
            title: String::new(),
            date: date.to_string(),
            author: input.author.unwrap_or_default().to_string(),
            tags: Vec::new(),
            draft: input.draft,
        },
    };
    // Like the title of a hand-written recap: "… — Jour 2 (jeudi 21 mars)".
    let own_title = |day: &u32| input.event.days.get(day).is_some_and(|n| n.title.is_some());
    let dated_title = match input.days.as_slice() {
        [day] if !own_title(day) && input.title.is_none() => {
            format!("{title} ({})", words(input.lang).day_and_month(date))
        }
        _ => title,
    };
    post.front_matter = front_matter(input.front_matter, &dated_title, date, &post.tags, input.author, input.draft);
    post.meta.title = dated_title;
    post.meta.tags = post.tags.clone();
    post
}

/// The days' texts one after the other, and the headings the first of
/// them renames, for a post of several days told as one outline.
fn merged_notes(event: &Event, days: &[u32]) -> DayNotes {
    let all: Vec<&DayNotes> = days.iter().filter_map(|d| event.days.get(d)).collect();
    let joined = |text: fn(&DayNotes) -> &Option<String>| {
        let parts: Vec<&str> = all.iter().filter_map(|n| text(n).as_deref()).map(str::trim).collect();
        Some(parts.join("\n\n")).filter(|t| !t.is_empty())
    };
    let mut headings = BTreeMap::new();
    for notes in all.iter().rev() {
        headings.extend(notes.headings.clone());
    }
    DayNotes {
        intro: joined(|n| &n.intro),
        conclusion: joined(|n| &n.conclusion),
        wished: joined(|n| &n.wished),
        headings,
        ..DayNotes::default()
    }
}

/// The sections of `days` (one day, or all the post's days as one outline
/// when `single`); each talk credited to its author when `cowritten`.
fn day_data(
    input: &PostInput<'_>,
    days: &[u32],
    notes: &DayNotes,
    (single, cowritten): (bool, bool),
    anchors: &mut Anchors,
) -> DayData {
    let w = words(input.lang);
    let day = days.first().copied().unwrap_or(1);
    let date = input.event.date_of(day);
    let (section_level, talk_level) = if single { ("##", "###") } else { ("###", "####") };
    let depth = if single { 3 } else { 4 };
    let sessions: Vec<&Session> = input.sessions.iter().copied().filter(|s| days.contains(&s.day)).collect();
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
        wished_text: user_markdown(notes.wished.as_deref().unwrap_or(""), depth - 1),
        headings: headings(input, Some(notes)),
        section_level,
        talk_level,
        keynotes: Vec::new(),
        sections: Vec::new(),
        talks: Vec::new(),
        wished: Vec::new(),
        meetings: Vec::new(),
    };
    let blocks: HashMap<u32, Block> =
        days.iter().map(|&d| (d, keynote_block(sessions.iter().copied().filter(|s| s.day == d)))).collect();
    let groups = seen_together(&sessions);
    let mut talk = |s: &Session, with_section: bool| {
        let together = groups.get(&s.id).map(Vec::as_slice).unwrap_or_default();
        let mut data = talk(s, with_section);
        if cowritten {
            with_authors(&mut data, s, together, input, depth);
        }
        data
    };
    for s in sessions.iter().copied() {
        // The others of a talk seen together are inside the first one's.
        if groups.values().flatten().any(|other| other.id == s.id) {
            continue;
        }
        match section_of(s, blocks.get(&s.day).copied().flatten()) {
            Section::Own(heading) => {
                let talk = talk(s, true);
                match day_data.sections.iter_mut().find(|section| section.heading == heading) {
                    Some(section) => section.talks.push(talk),
                    None => day_data.sections.push(SectionData { heading, talks: vec![talk] }),
                }
            }
            Section::Keynotes => day_data.keynotes.push(talk(s, true)),
            Section::Talks => day_data.talks.push(talk(s, true)),
            Section::Wished => day_data.wished.push(talk(s, false)),
            Section::Meetings => day_data.meetings.push(talk(s, true)),
        }
    }
    day_data
}

enum Section {
    /// The heading of a section the person named, escaped.
    Own(String),
    Keynotes,
    Talks,
    Wished,
    Meetings,
}

/// When a day's keynotes start and end: a panel on their stage in between
/// is a keynote panel.
type Block = Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)>;

fn keynote_block<'a>(sessions: impl Iterator<Item = &'a Session> + Clone) -> Block {
    let keynotes = sessions.filter(|s| s.kind == Kind::Keynote);
    let start = keynotes.clone().filter_map(|s| s.at).min()?;
    let end = keynotes.filter_map(|s| s.ends_at()).max()?;
    Some((start, end))
}

/// Where a session goes in the post: what was not seen goes to the wished
/// list (a replay the user has not noted yet too); a panel during the
/// keynotes stays with them; sponsors and networking to their own section.
/// A section the person named wins over all of these.
fn section_of(s: &Session, keynote_block: Block) -> Section {
    if let Some(own) = s.section.as_deref().map(text::one_line).filter(|h| !h.is_empty()) {
        return Section::Own(escape_inline(&own));
    }
    let unseen = matches!(s.status, Status::Missed | Status::Planned)
        || (s.status == Status::Replay && s.notes.trim().is_empty());
    let among_keynotes = |s: &Session| {
        keynote_block.is_some_and(|(start, end)| s.at.is_some_and(|at| start <= at && at < end))
            || text::fold(&s.title).starts_with("keynote")
    };
    match s.kind {
        _ if unseen => Section::Wished,
        Kind::Keynote => Section::Keynotes,
        Kind::Panel if among_keynotes(s) => Section::Keynotes,
        Kind::Sponsor | Kind::Networking => Section::Meetings,
        _ => Section::Talks,
    }
}

fn talk_data(input: &PostInput<'_>, s: &Session, anchors: Option<&mut Anchors>, depth: usize) -> TalkData {
    let title = text::one_line(&s.title);
    // Lists (missed talks, "À tester") name speakers and organisations;
    // the line under a talk's heading gives their roles too.
    let speakers = escape_inline(&s.speakers.iter().map(Speaker::name_and_org).collect::<Vec<_>>().join(", "));
    let full_speakers = escape_inline(&speakers_sentence(s, input.lang));
    let room = s.room.as_deref().map(escape_inline).unwrap_or_default();
    let links: Vec<LinkData> = s
        .links
        .iter()
        .map(|l| LinkData { label: escape_inline(link_label(&l.label, input.lang)), url: escape_url(&l.url) })
        .collect();
    let heading = !s.hidden.contains(&Hidden::Heading) && !is_section_name(&title, input.lang);
    // Many panelists read better as a list than as one long line.
    let byline = !s.hidden.contains(&Hidden::Byline);
    let panelists: Vec<String> = if byline && s.speakers.len() > MAX_SPEAKERS_IN_LINE {
        s.speakers.iter().map(|sp| escape_inline(&sp.to_string())).collect()
    } else {
        Vec::new()
    };
    let mut meta = Vec::new();
    if byline && panelists.is_empty() && !full_speakers.is_empty() {
        meta.push(format!("*{full_speakers}*"));
    }
    if !room.is_empty() {
        meta.push(room.clone());
    }
    meta.extend(links.iter().map(|l| format!("[{}]({})", l.label, l.url)));
    TalkData {
        id: s.id,
        anchor: anchors.filter(|_| heading).map(|a| a.next(&title)).unwrap_or_default(),
        title: escape_inline(&title),
        speakers,
        room,
        time: time_range(input.event, s),
        kind: s.kind.key(),
        status: s.status.key(),
        links,
        meta: meta.join(" · "),
        panelists,
        panelist_marker: if s.notes.trim_start().starts_with('*') { "+" } else { "*" },
        heading,
        author: s.author.as_deref().map(escape_inline).unwrap_or_default(),
        written_by: String::new(),
        takes: Vec::new(),
        notes: user_markdown(&s.notes, depth),
        verdict: match s.verdict.as_deref() {
            Some(v) if !s.hidden.contains(&Hidden::Verdict) => escape_inline(input.vocabulary.label(v, input.lang)),
            _ => String::new(),
        },
        verdict_key: s.verdict.clone().unwrap_or_default(),
        tags: s.tags.iter().map(|t| escape_inline(t)).collect(),
        abstract_text: s.abstract_text.as_deref().map(escape_inline).unwrap_or_default(),
    }
}

/// The speakers as the post names them: "A (Org), B", or, when one has a
/// role and commas would run together, "A, CEO (Org) et B, animateur".
fn speakers_sentence(s: &Session, lang: Lang) -> String {
    if s.speakers.iter().all(|sp| sp.role.is_none()) {
        return s.speakers_line();
    }
    join_names(&s.speakers.iter().map(ToString::to_string).collect::<Vec<_>>(), lang)
}

/// The authors of the post's sessions, in order of appearance, when there
/// are at least two: a co-written post.
fn post_authors(input: &PostInput<'_>) -> Vec<String> {
    let mut authors: Vec<String> = Vec::new();
    let sessions = input.sessions.iter().filter(|s| input.days.contains(&s.day));
    for author in sessions.filter_map(|s| s.author.as_deref()).map(text::one_line) {
        if !authors.contains(&author) {
            authors.push(author);
        }
    }
    if authors.len() > 1 { authors } else { Vec::new() }
}

/// Sessions of the same programme talk noted by others: by the id of the
/// first of them (in the post's order), the others.
fn seen_together<'a>(sessions: &[&'a Session]) -> HashMap<u32, Vec<&'a Session>> {
    let mut first_of: HashMap<(&str, u32), u32> = HashMap::new();
    let mut groups: HashMap<u32, Vec<&Session>> = HashMap::new();
    for s in sessions {
        let Some(reference) = s.schedule_id.as_deref() else { continue };
        match first_of.get(&(reference, s.day)) {
            Some(first) => groups.entry(*first).or_default().push(s),
            None => {
                first_of.insert((reference, s.day), s.id);
            }
        }
    }
    groups
}

/// In a co-written post: who wrote the talk's section, and, when others
/// saw it too, each one's take under the one heading.
fn with_authors(data: &mut TalkData, s: &Session, others: &[&Session], input: &PostInput<'_>, depth: usize) {
    let name = |s: &Session| s.author.as_deref().map(text::one_line).unwrap_or_default();
    if others.is_empty() {
        if let Some(author) = s.author.as_deref() {
            data.written_by = escape_inline(&written_by(&[text::one_line(author)], input.lang));
        }
        return;
    }
    let verdict = |s: &Session| match s.verdict.as_deref() {
        Some(v) if !s.hidden.contains(&Hidden::Verdict) => escape_inline(input.vocabulary.label(v, input.lang)),
        _ => String::new(),
    };
    data.takes = std::iter::once(s)
        .chain(others.iter().copied())
        .map(|s| Take { author: escape_inline(&name(s)), notes: user_markdown(&s.notes, depth), verdict: verdict(s) })
        .collect();
    if others.iter().any(|o| o.verdict.as_deref() == Some("to-try")) {
        data.verdict_key = "to-try".to_string();
    }
    data.notes.clear();
    data.verdict.clear();
}

/// The section headings: the day's (`notes day N --heading`), else the
/// config's, else the post's language's.
fn headings(input: &PostInput<'_>, day: Option<&DayNotes>) -> Headings {
    let w = post_words(input.lang);
    let pick = |key: &str, word: &str| {
        let own = day.and_then(|d| d.headings.get(key)).or(input.headings.get(key));
        escape_inline(own.map_or(word, String::as_str).trim())
    };
    Headings {
        keynotes: pick("keynotes", w.keynotes),
        talks: pick("talks", w.talks),
        wished: pick("wished", w.wished),
        meetings: pick("meetings", w.meetings),
        to_try: pick("to_try", w.to_try),
        conclusion: pick("conclusion", w.conclusion),
    }
}

/// The numbers of the post's days.
fn figures(input: &PostInput<'_>) -> Figures {
    let sessions: Vec<&Session> = input.sessions.iter().copied().filter(|s| input.days.contains(&s.day)).collect();
    let seen: Vec<&Session> =
        sessions.iter().copied().filter(|s| matches!(s.status, Status::Attended | Status::Replay)).collect();
    let mut by_kind = BTreeMap::new();
    for s in &seen {
        *by_kind.entry(s.kind.key()).or_insert(0) += 1;
    }
    let mut by_verdict = BTreeMap::new();
    for key in sessions.iter().filter_map(|s| s.verdict.as_deref()) {
        *by_verdict.entry(input.vocabulary.label(key, input.lang).to_string()).or_insert(0) += 1;
    }
    let distinct = |values: Vec<String>| values.into_iter().collect::<std::collections::BTreeSet<_>>().len();
    let rooms = distinct(seen.iter().filter_map(|s| s.room.as_deref().map(text::fold)).collect());
    let organisations = distinct(
        seen.iter().flat_map(|s| s.speakers.iter().filter_map(|sp| sp.org.as_deref().map(text::fold))).collect(),
    );
    let mut figures = Figures {
        seen: seen.len(),
        missed: sessions.len() - seen.len(),
        by_kind,
        by_verdict,
        rooms,
        organisations,
        programme: input.programme,
        line: String::new(),
    };
    if input.figures_line {
        figures.line = figures_line(&figures, input.lang);
    }
    figures
}

/// More speakers than this are listed one per line.
const MAX_SPEAKERS_IN_LINE: usize = 3;

/// Whether a session is titled like the section it goes in ("Keynotes":
/// one session for all the keynotes): its heading would repeat the section's.
fn is_section_name(title: &str, lang: Lang) -> bool {
    let title = text::fold(title.trim());
    let words = post_words(lang);
    [words.keynotes, words.talks, "keynote", "keynotes"].iter().any(|w| text::fold(w) == title)
}

/// "KubeCon Europe 2024 — Jour 2" (+ the day's label), or the event's name
/// for a multi-day post.
pub fn post_title(event: &Event, days: &[u32], lang: Lang) -> String {
    let w = words(lang);
    let name = text::one_line(&event.name);
    let [day] = days else { return name };
    if let Some(title) = event.days.get(day).and_then(|n| n.title.as_deref()).filter(|t| !t.trim().is_empty()) {
        return text::one_line(title);
    }
    let date = event.date_of(*day);
    match event.day_label(*day).filter(|l| !is_weekday_label(l, date, lang)) {
        Some(label) => format!("{name} — {} {day}{} {}", w.day, post_words(lang).colon, text::one_line(label)),
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
    // The post's own days only: a day's post carries that day's tags.
    let sessions = input.sessions.iter().filter(|s| input.days.contains(&s.day));
    for tag in sessions.flat_map(|s| s.tags.iter()).map(|t| text::one_line(t)) {
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
    for tag in input.event.tags.iter().map(|t| text::one_line(t)).chain(counts.into_iter().map(|(t, _)| t)) {
        if !tag.is_empty() && !tags.contains(&tag) && tags.len() < MAX_TAGS {
            tags.push(tag);
        }
    }
    tags
}

/// The series of post `position` (from 0) among `posts`: every post of
/// the event, the current one marked.
pub fn series(posts: &[SeriesPost], position: usize, lang: Lang) -> Series {
    let posts: Vec<SeriesPost> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| SeriesPost { current: i == position, url: escape_url(&p.url), ..p.clone() })
        .collect();
    Series { total: posts.len(), position: position + 1, text: series_text(lang, posts.len()), posts }
}
