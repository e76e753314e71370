//! The screens a person glances at between two talks: `notes now` (where
//! I am, where I go next, what runs elsewhere) and `notes next`.

use std::fmt::Write;

use chrono::{DateTime, TimeDelta, Utc};

use crate::model::{Event, Lang, Session};
use crate::render::time_range;
use crate::render::words::{glance_words, words};
use unicode_width::UnicodeWidthStr;

use crate::ui::{cut_to_columns, pad_to_columns, sanitize_line};

/// Where the person is, as `jot` sees it.
pub enum Here<'a> {
    /// The current session: under way, over, or not yet started.
    Current(&'a Session),
    /// The current session is over and a planned talk is under way: the
    /// next jot goes to it.
    Planned(&'a Session),
    /// No session: jots go to the day's loose notes.
    Nowhere,
}

/// A talk of the programme with its short reference (for `plan`, `add --now`).
pub struct Listed<'a> {
    pub talk: &'a Session,
    pub reference: &'a str,
    /// Who of the team is there (a team journal), as "Paul, Chloé".
    pub team: String,
}

impl<'a> Listed<'a> {
    /// `talk`, one of `schedule`, with its reference among `refs` (the
    /// schedule's, in the same order).
    pub fn of(talk: &'a Session, schedule: &[Session], refs: &'a [String]) -> Self {
        let index = schedule.iter().position(|t| std::ptr::eq(t, talk));
        Listed { talk, reference: index.and_then(|i| refs.get(i)).map_or("", String::as_str), team: String::new() }
    }

    /// With the others of the team who planned or attended it (their
    /// sessions among `sessions`), `me` left out.
    pub fn with_team(mut self, sessions: &[Session], me: Option<&str>) -> Self {
        use crate::model::Status;
        let mut names: Vec<&str> = Vec::new();
        for s in sessions {
            let linked = s.schedule_id.is_some() && s.schedule_id == self.talk.schedule_id;
            let going = matches!(s.status, Status::Planned | Status::Attended);
            if let Some(author) =
                s.author.as_deref().filter(|a| linked && going && Some(*a) != me && !names.contains(a))
            {
                names.push(author);
            }
        }
        self.team = names.join(", ");
        self
    }
}

/// Whether `talk` is in a room whose folded name contains `room` (any room
/// when none is asked for).
pub fn in_room(talk: &Session, room: Option<&str>) -> bool {
    room.is_none_or(|r| talk.room.as_deref().is_some_and(|name| crate::model::text::contains_folded(name, r)))
}

/// What `notes now` shows.
pub struct Now<'a> {
    pub event: &'a Event,
    pub now: DateTime<Utc>,
    pub here: Here<'a>,
    pub next: Option<&'a Session>,
    /// The programme's talks under way or about to start elsewhere.
    pub elsewhere: Vec<Listed<'a>>,
    /// Whether the event has a programme at all.
    pub has_programme: bool,
    pub width: Option<u16>,
}

/// "11:07 · Day 3, Wednesday 25 March · KubeCon Europe", then the three parts.
pub fn now(screen: &Now<'_>, lang: Lang) -> String {
    let g = glance_words(lang);
    let mut out = heading(screen.event, screen.now, lang);
    let here = match &screen.here {
        Here::Current(session) => {
            entry(screen.event, session, &timing(screen.event, session, screen.now, lang), screen.width)
        }
        Here::Planned(session) => entry(screen.event, session, g.next_jot_here, screen.width),
        Here::Nowhere => g.no_session.to_string(),
    };
    let _ = writeln!(out, "{:<8}{}", g.here, here);
    let next = match screen.next {
        Some(session) => entry(screen.event, session, &timing(screen.event, session, screen.now, lang), screen.width),
        None => g.nothing_planned.to_string(),
    };
    let _ = writeln!(out, "{:<8}{}", g.next, next);
    if screen.has_programme {
        out.push('\n');
        out.push_str(&programme_list(g.elsewhere, g.nothing_elsewhere, &screen.elsewhere, screen.event, screen.width));
    }
    out
}

/// What `notes next` shows: my next planned talk, then what starts next.
pub fn next(
    event: &Event,
    now: DateTime<Utc>,
    planned: Option<&Session>,
    starting: &[Listed<'_>],
    width: Option<u16>,
    lang: Lang,
) -> String {
    let g = glance_words(lang);
    let mut out = heading(event, now, lang);
    let planned = match planned {
        Some(session) => entry(event, session, &timing(event, session, now, lang), width),
        None => g.nothing_planned.to_string(),
    };
    let _ = writeln!(out, "{:<8}{}\n", g.next, planned);
    out.push_str(&programme_list(g.starting_next, g.nothing_starting, starting, event, width));
    out
}

fn heading(event: &Event, now: DateTime<Utc>, lang: Lang) -> String {
    let local = event.timezone.local(&now);
    let w = words(lang);
    let day = match event.today(now) {
        Ok(day) => format!("{} {day}, {}", w.day, w.day_and_month(local.date_naive())),
        Err(_) => w.day_and_month(local.date_naive()),
    };
    format!("{} · {day} · {}\n\n", local.format("%H:%M"), sanitize_line(&event.name))
}

/// "11:00–11:35 · 28 min left · Hall 12", then "#4 Keynote: Opening" below it.
fn entry(event: &Event, session: &Session, timing: &str, width: Option<u16>) -> String {
    let mut when = [time_range(event, session), timing.to_string()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    if let Some(room) = &session.room {
        let _ = write!(when, " · {}", sanitize_line(room));
    }
    let title = format!("#{} {}", session.id, sanitize_line(&session.title));
    // Both lines after the 8-column label; cut, never wrapped.
    let fit = |line: &str| width.map_or(line.to_string(), |w| cut_to_columns(line, usize::from(w).saturating_sub(8)));
    format!("{}\n{:<8}{}", fit(&when), "", fit(&title))
}

/// "28 min left", "in 38 min", "ended 12 min ago", "Day 4".
fn timing(event: &Event, session: &Session, now: DateTime<Utc>, lang: Lang) -> String {
    let g = glance_words(lang);
    match (session.at, session.ends_at()) {
        // Another day than today (or today is not a day of the event): its day, not hours.
        _ if event.today(now).ok() != Some(session.day) => format!("{} {}", words(lang).day, session.day),
        (Some(at), _) if at > now => format!("{} {}", g.in_, duration(at.to_utc() - now)),
        (_, Some(end)) if end > now => format!("{} {}", duration(end.to_utc() - now), g.left),
        (_, Some(end)) => format!("{} {} {}", g.ended, duration(now - end.to_utc()), g.ago).trim().to_string(),
        _ => String::new(),
    }
}

/// "5 min", "2 h 05".
fn duration(span: TimeDelta) -> String {
    let minutes = span.num_minutes().max(0);
    if minutes < 60 { format!("{minutes} min") } else { format!("{} h {:02}", minutes / 60, minutes % 60) }
}

/// A titled list of programme talks, one line each, cut to `width`.
fn programme_list(title: &str, empty: &str, talks: &[Listed<'_>], event: &Event, width: Option<u16>) -> String {
    if talks.is_empty() {
        return format!("{empty}\n");
    }
    let room_width = talks.iter().map(|t| t.talk.room.as_deref().map_or(0, UnicodeWidthStr::width)).max().unwrap_or(0);
    let room_width = room_width.min(24);
    let mut out = format!("{title}\n");
    for Listed { talk, reference, team } in talks {
        let room = sanitize_line(talk.room.as_deref().unwrap_or(""));
        // Who of the team is there goes before the title: a line is cut at its end.
        let title = match team.as_str() {
            "" => sanitize_line(&talk.title).into_owned(),
            team => format!("[{}] {}", sanitize_line(team), sanitize_line(&talk.title)),
        };
        let mut line =
            format!("  {reference:<6} {:<11}  {}  {title}", time_range(event, talk), pad_to_columns(&room, room_width));
        if !talk.speakers.is_empty() {
            let _ = write!(line, " — {}", sanitize_line(&talk.speakers_line()));
        }
        let _ = writeln!(out, "{}", width.map_or(line.clone(), |w| cut_to_columns(&line, usize::from(w))));
    }
    out
}
