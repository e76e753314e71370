//! `notes add`: a new session, from flags or, on a terminal, from prompts.

use chrono::{DateTime, FixedOffset, Timelike, Utc};
use clap::Args;

use crate::args::SessionFields;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, EventFile, Kind, Lang, Session, Speaker, Status};
use crate::prompt::Choice;
use crate::query::{running, the_one};
use crate::render::time_range;
use crate::render::words::{kind_label, words};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes add \"Cilium cluster mesh\" -s \"Liz Rice (Isovalent)\" -t ebpf -t cilium
  notes add \"Keynote: Opening\" -k keynote --at 09:00 -d 2 --room \"Hall 7\"
  notes add \"Rook Deep Dive\" --status missed --link slides=https://rook.io/s.pdf
  notes add --now \"Hall 7\"   # the imported schedule's talk under way in Hall 7
  notes add                  # on a terminal: pick one of the day's talks

The day defaults to today's day of the event, in the event's time zone; a
session added during the event's day without --at starts now (to the five
minutes).";

/// Add a session (talk, keynote…) and make it the current one
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct AddArgs {
    /// The session's title (asked for on a terminal when left out)
    title: Option<String>,

    /// Pick the scheduled talk under way (or starting within 15 minutes)
    /// whose room or title contains this text
    #[arg(long, value_name = "ROOM_OR_TEXT", num_args = 0..=1, default_missing_value = "", conflicts_with = "title")]
    now: Option<String>,

    #[command(flatten)]
    fields: SessionFields,
}

pub fn run(args: AddArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let mut fields = args.fields;
    if let Some(filter) = &args.now {
        let file = ctx.journal()?.load(&slug)?;
        return add_now(filter, &file, &mut fields, ctx);
    }
    let title = match args.title {
        Some(title) => title,
        None if ctx.can_prompt() => {
            let file = ctx.journal()?.load(&slug)?;
            match choose_from_schedule(&file, fields.day, ctx)? {
                Some(talk) => {
                    let first_note = ask_first_note(&fields, ctx)?;
                    return add_talk(&talk, &file.event, &fields, first_note, ctx);
                }
                None => ask(&mut fields, &file.event, ctx)?,
            }
        }
        None => {
            return Err(Error::usage(messages::title_required, |_| {
                "notes add \"TITLE\" [-s SPEAKER] [-k KIND] [-t TAG]…".to_string()
            }));
        }
    };
    let title = title.trim().to_string();
    if title.is_empty() {
        return Err(Error::EmptyTitle);
    }
    let (now, vocabulary, journal) = (ctx.now()?, ctx.vocabulary()?, ctx.journal()?);
    // Everything is checked against the event as read under the lock, in
    // the one parse of the file that the write needs anyway.
    let (_, added) = ctx.update_event_making_current(&slug, |doc| {
        let event = doc.event().clone();
        // The programme's talk of that title: linked, not copied bare.
        // A programme that cannot be read never stops a session being added.
        let titled = journal.schedule_talks_titled(&event, &title).unwrap_or_default();
        if let Some(talk) = programme_talk(titled, fields.day, &event, now) {
            let later = starts_later(&talk, now);
            let status = if later { Status::Planned } else { Status::Attended };
            let (id, new) = doc.pick(&talk, status, |session, event| fields.apply(session, event, vocabulary))?;
            return Ok((id, Added::Picked { id, title: talk.title, new, later }));
        }
        let day = fields.day_for(&event, || event.today(now))?;
        let mut session = Session { title, day, id: doc.next_id()?, ..Session::default() };
        fields.apply(&mut session, &event, vocabulary)?;
        // Added during the talk: it started about now.
        if fields.at.is_none() && event.today(now).ok() == Some(session.day) {
            session.at = Some(started_about(now, &event));
        }
        doc.add_session(session.clone())?;
        Ok((session.id, Added::New(Box::new(session))))
    })?;
    let lang = ctx.lang();
    ctx.ui.print(&match added {
        Added::New(session) => messages::added(lang, session.id, &slug, session.day, &sanitize_line(&session.title)),
        Added::Picked { id, title, new, later } => picked(lang, id, &title, new, later),
    })
}

/// What `add TITLE` did.
enum Added {
    New(Box<Session>),
    /// A talk of the programme, copied in (`new`) or already there.
    Picked {
        id: u32,
        title: String,
        new: bool,
        later: bool,
    },
}

/// Of the programme's talks with the title typed, the one meant: the only
/// one on `--day`; without it, the only one today, else the only one.
fn programme_talk(talks: Vec<Session>, day: Option<u32>, event: &Event, now: DateTime<Utc>) -> Option<Session> {
    let today = event.today(now).ok().filter(|&today| talks.iter().any(|t| t.day == today));
    let mut choice: Vec<Session> = match day.or(today) {
        Some(day) => talks.into_iter().filter(|t| t.day == day).collect(),
        None => talks,
    };
    if choice.len() == 1 { choice.pop() } else { None }
}

/// Whether a talk starts more than 15 minutes from now (found ahead of
/// time: planned, not attended).
fn starts_later(talk: &Session, now: DateTime<Utc>) -> bool {
    talk.at.is_some_and(|at| at > now + chrono::Duration::minutes(15))
}

fn picked(lang: Lang, id: u32, title: &str, new: bool, later: bool) -> String {
    let title = sanitize_line(title);
    match (new, later) {
        (true, false) => messages::added_from_schedule(lang, id, &title),
        (false, false) => messages::now_attending(lang, id, &title),
        (_, true) => messages::planned_for_later(lang, id, &title),
    }
}

/// `now` in the event's zone, down to the five minutes: a talk noted at
/// 11:07 started at 11:05, as far as anyone will remember.
fn started_about(now: DateTime<Utc>, event: &Event) -> DateTime<FixedOffset> {
    use chrono::{DurationRound, TimeDelta};
    let local = event.timezone.local(&now);
    local.duration_trunc(TimeDelta::minutes(5)).unwrap_or(local).with_nanosecond(0).unwrap_or(local)
}

/// `add --now TEXT`: the one scheduled talk under way that matches.
fn add_now(filter: &str, file: &EventFile, fields: &mut SessionFields, ctx: &mut Context) -> Result<()> {
    let event = &file.event;
    let schedule = ctx.journal()?.schedule(event)?;
    if schedule.is_empty() {
        return Err(Error::user(|lang| messages::no_schedule(lang, &event.slug), messages::hint_import_schedule_first));
    }
    let now = ctx.now()?;
    let candidates = running(&schedule, now, filter);
    let is_planned = |talk: &Session| is_planned(file, talk);
    if let Some(talk) = the_one(&candidates, now, !filter.trim().is_empty(), is_planned) {
        return add_talk(talk, event, fields, None, ctx);
    }
    if candidates.len() > 1 && ctx.can_prompt() {
        let choices: Vec<Choice> = candidates.iter().map(|t| choice(t, event, is_planned(t))).collect();
        let question = messages::which_talk(ctx.lang());
        let picked = ctx.prompt().pick(&question, &choices)?;
        let first_note = ask_first_note(fields, ctx)?;
        return add_talk(candidates[picked], event, fields, first_note, ctx);
    }
    let filter = sanitize_line(filter.trim());
    match candidates.as_slice() {
        [] => {
            let day = event.today(now).unwrap_or(1);
            Err(Error::user(
                |lang| match &*filter {
                    "" => messages::nothing_under_way(lang),
                    _ => messages::nothing_under_way_matches(lang, &filter),
                },
                |lang| messages::hint_day_schedule(lang, day),
            ))
        }
        several => {
            let lines = |lang| {
                let mut lines: Vec<String> =
                    several.iter().take(10).map(|t| format!("  {}", talk_line(t, event))).collect();
                if several.len() > 10 {
                    lines.push(format!("  {}", messages::and_more(lang, several.len() - 10)));
                }
                lines.join("\n")
            };
            let what = |lang| match &*filter {
                "" => messages::talks_under_way(lang, several.len()),
                _ => messages::talks_match(lang, several.len(), &filter),
            };
            Err(Error::user(|lang| messages::listed(lang, &what(lang), &lines(lang)), messages::hint_be_specific))
        }
    }
}

/// Copies a scheduled talk into the journal, current, with the flags given
/// to `add`. Attended, unless it starts later than 15 minutes from now
/// (found by search): then planned.
fn add_talk(
    talk: &Session,
    event: &Event,
    fields: &SessionFields,
    first_note: Option<String>,
    ctx: &mut Context,
) -> Result<()> {
    let later = starts_later(talk, ctx.now()?);
    let status = if later { Status::Planned } else { Status::Attended };
    let vocabulary = ctx.vocabulary()?;
    let (id, new) = ctx.update_event_making_current(&event.slug, |doc| {
        doc.pick(talk, status, |session, event| {
            fields.apply(session, event, vocabulary)?;
            if let Some(note) = &first_note {
                session.jot(note, false);
            }
            Ok(())
        })
    })?;
    ctx.ui.print(&picked(ctx.lang(), id, &talk.title, new, later))
}

/// "11:00–11:35  Hall 7 · Title — Speakers", sanitised for the terminal.
fn talk_line(talk: &Session, event: &Event) -> String {
    let mut line = format!("{:<11}  ", time_range(event, talk));
    if let Some(room) = &talk.room {
        line.push_str(&format!("{room} · "));
    }
    line.push_str(&talk.title);
    if !talk.speakers.is_empty() {
        line.push_str(&format!(" — {}", talk.speakers_line()));
    }
    sanitize_line(&line).into_owned()
}

/// A talk in the picker: marked when planned, found by any word of its
/// title, speakers and their organisations, room or track.
fn choice(talk: &Session, event: &Event, planned: bool) -> Choice {
    let mark = if planned { "★ " } else { "  " };
    let searched = [
        talk.title.as_str(),
        &talk.speakers_line(),
        talk.room.as_deref().unwrap_or(""),
        talk.track.as_deref().unwrap_or(""),
    ];
    Choice::new(format!("{mark}{}", talk_line(talk, event)), &searched.join("\n"), &talk.title)
}

/// Whether the person planned `talk` of the programme.
fn is_planned(file: &EventFile, talk: &Session) -> bool {
    talk.schedule_id.is_some()
        && file.sessions.iter().any(|s| s.status == Status::Planned && s.schedule_id == talk.schedule_id)
}

/// On a terminal with an imported schedule: one list of the day's talks,
/// filtered by typing, in the order a person looks for them: planned talks
/// under way, other talks under way or about to start, planned talks later,
/// the talks still to come, those already over, logistics (badges,
/// cloakroom) last. `None`: the
/// person will type a title. `--day` picks the day (at night, noting the
/// day's talks).
fn choose_from_schedule(file: &EventFile, day: Option<u32>, ctx: &mut Context) -> Result<Option<Session>> {
    let event = &file.event;
    let now = ctx.now()?;
    let today = event.today(now).ok();
    let Some(day) = day.or(today) else { return Ok(None) };
    let schedule = ctx.journal()?.schedule(event)?;
    if schedule.is_empty() {
        return Ok(None);
    }
    let under_way = if Some(day) == today { running(&schedule, now, "") } else { Vec::new() };
    let talks = picker_order(&schedule, day, &under_way, now, |t| is_planned(file, t));
    let mut choices: Vec<Choice> = talks.iter().map(|t| choice(t, event, is_planned(file, t))).collect();
    let lang = ctx.lang();
    choices.push(Choice::always(
        format!("  {}", messages::another_session(lang)),
        &messages::another_session_answer(lang),
    ));
    let picked = ctx.prompt().pick(&messages::which_talk_on_day(lang, day), &choices)?;
    Ok(talks.get(picked).map(|t| (*t).clone()))
}

/// The day's talks in the picker's order (see [`choose_from_schedule`]).
fn picker_order<'a>(
    schedule: &'a [Session],
    day: u32,
    under_way: &[&'a Session],
    now: DateTime<Utc>,
    planned: impl Fn(&Session) -> bool,
) -> Vec<&'a Session> {
    let is_under_way = |t: &Session| under_way.iter().any(|u| std::ptr::eq(*u, t));
    let over = |t: &Session| t.ends_at().is_some_and(|end| end <= now);
    let group = |t: &Session| match (is_under_way(t), planned(t), t.kind == Kind::Other, over(t)) {
        (true, true, _, _) => 0,
        (true, false, _, _) => 1,
        (false, true, _, _) => 2,
        (false, false, false, false) => 3,
        (false, false, false, true) => 4,
        (false, false, true, _) => 5,
    };
    let position = |t: &Session| under_way.iter().position(|u| std::ptr::eq(*u, t));
    let mut talks: Vec<&Session> = schedule.iter().filter(|t| t.day == day).collect();
    talks.sort_by_key(|t| (group(t), position(t), t.at, t.room.clone()));
    talks
}

/// On a terminal, after a talk is picked: its first note (a jot), unless
/// `-m` gave one.
fn ask_first_note(fields: &SessionFields, ctx: &mut Context) -> Result<Option<String>> {
    if fields.note.is_some() {
        return Ok(None);
    }
    let question = messages::ask_first_note(ctx.lang());
    let note = ctx.prompt().input(&question, None)?;
    Ok(Some(note).filter(|n| !n.trim().is_empty()))
}

/// The interactive flow: title, speakers, kind, tags, verdict. Answers are
/// collected before any lock is taken.
fn ask(fields: &mut SessionFields, event: &Event, ctx: &mut Context) -> Result<String> {
    let lang = ctx.lang();
    let label = words(lang);
    let title = loop {
        let title = ctx.prompt().input(label.title, None)?;
        if !title.trim().is_empty() {
            break title;
        }
        ctx.ui.warn(lang, &messages::title_needed(lang));
    };
    if fields.speaker.is_empty() {
        let speakers = ctx.prompt().input(&messages::ask_speakers(lang), None)?;
        fields.speaker = Speaker::parse_list(&speakers).iter().map(Speaker::stored).collect();
    }
    if fields.kind.is_none() {
        let kinds: Vec<String> = Kind::ALL.iter().map(|k| kind_label(*k, lang).to_string()).collect();
        let default = Kind::ALL.iter().position(|k| *k == Kind::default()).unwrap_or(0);
        fields.kind = Some(Kind::ALL[ctx.prompt().select(label.kind, &kinds, default)?]);
    }
    if fields.tag.is_empty() {
        let tags = ctx.prompt().input(&messages::ask_tags(lang), None)?;
        fields.tag = tags.split([' ', ',']).filter(|t| !t.is_empty()).map(str::to_string).collect();
    }
    if fields.verdict.is_none() {
        let vocabulary = ctx.vocabulary()?.clone();
        let mut choices = vec![messages::no_verdict_yet(lang)];
        choices.extend(vocabulary.iter().map(|v| v.label(lang).to_string()));
        let choice = ctx.prompt().select(label.verdict, &choices, 0)?;
        fields.verdict = choice.checked_sub(1).and_then(|i| vocabulary.iter().nth(i)).map(|v| v.key.clone());
    }
    if fields.day.is_none() && event.today(ctx.now()?).is_err() {
        let days: Vec<String> = (1..=event.day_count())
            .map(|d| messages::day_choice(lang, d, &event.date_of(d).map(|x| x.to_string()).unwrap_or_default()))
            .collect();
        fields.day = Some(ctx.prompt().select(label.day, &days, 0)? as u32 + 1);
    }
    Ok(title)
}
