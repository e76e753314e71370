//! The one filter type, used by `list`, `filter` and `export`, the reading
//! order of sessions, and the talks of a schedule under way at a moment.
//!
//! Values within one field are alternatives (`--day 1 --day 2`); fields
//! combine (`--day 2 --verdict meh`). Text matching ignores case and accents.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Utc, Weekday};

use crate::error::Error;
use crate::messages;
use crate::model::{Event, EventFile, Fields, Filter, Kind, Session, Status, text};

/// A day of an event as a filter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySel {
    Number(u32),
    Date(NaiveDate),
    /// Every day of the event that falls on this weekday.
    Weekday(Weekday),
}

impl DaySel {
    /// Whether day `day` of `event` is the one named.
    pub fn includes(self, event: &Event, day: u32) -> bool {
        match self {
            DaySel::Number(n) => n == day,
            DaySel::Date(date) => event.date_of(day) == Some(date),
            DaySel::Weekday(weekday) => event.date_of(day).is_some_and(|d| d.weekday() == weekday),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    pub days: Vec<DaySel>,
    pub kinds: Vec<Kind>,
    /// Verdict keys, already resolved against the vocabulary.
    pub verdicts: Vec<String>,
    pub statuses: Vec<Status>,
    /// Folded tags.
    pub tags: Vec<String>,
    /// Folded part of a speaker's name or organisation.
    pub speaker: Option<String>,
    /// Folded part of the room's name.
    pub room: Option<String>,
    /// Folded part of the track's name.
    pub track: Option<String>,
    /// Folded words that must all appear in the title, speakers, tags or notes.
    pub words: Vec<String>,
}

impl Query {
    pub fn with_words(mut self, words: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        self.words
            .extend(words.into_iter().flat_map(|w| w.as_ref().split_whitespace().map(text::fold).collect::<Vec<_>>()));
        self
    }

    /// Whether no filter was given: every session matches.
    pub fn is_empty(&self) -> bool {
        // Destructured, so that a new field cannot be forgotten here.
        let Query { days, kinds, verdicts, statuses, tags, speaker, room, track, words } = self;
        days.is_empty()
            && kinds.is_empty()
            && verdicts.is_empty()
            && statuses.is_empty()
            && tags.is_empty()
            && speaker.is_none()
            && room.is_none()
            && track.is_none()
            && words.is_empty()
    }

    /// Whether day `day` of `event` is one the query asks for.
    pub fn includes_day(&self, event: &Event, day: u32) -> bool {
        self.days.is_empty() || self.days.iter().any(|sel| sel.includes(event, day))
    }

    pub fn matches(&self, event: &Event, session: &Session) -> bool {
        self.matches_fields(event, session)
    }

    /// [`Query::matches`], on what a filter reads of a session: a session,
    /// or the store's index of one.
    pub fn matches_fields(&self, event: &Event, session: &impl Fields) -> bool {
        let part_of = |value: Option<Cow<'_, str>>, wanted: &str| value.is_some_and(|v| v.contains(wanted));
        self.includes_day(event, session.day())
            && self.room.as_ref().is_none_or(|w| part_of(session.folded_room(), w))
            && self.track.as_ref().is_none_or(|w| part_of(session.folded_track(), w))
            && (self.kinds.is_empty() || self.kinds.contains(&session.kind()))
            && (self.statuses.is_empty() || self.statuses.contains(&session.status()))
            && (self.verdicts.is_empty() || session.verdict().is_some_and(|v| self.verdicts.iter().any(|w| w == v)))
            && (self.tags.is_empty() || session.folded_tags().any(|t| self.tags.iter().any(|w| *w == *t)))
            && self.speaker.as_ref().is_none_or(|wanted| {
                session.folded_speakers().any(|(name, org)| {
                    name.contains(wanted.as_str()) || org.is_some_and(|o| o.contains(wanted.as_str()))
                })
            })
            && self.matches_words(session)
    }

    fn matches_words(&self, session: &impl Fields) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = session.folded_text();
        self.words.iter().all(|w| text::has_word(&haystack, w))
    }

    /// The lines of the notes that contain one of the words, for `filter`.
    pub fn matching_lines<'a>(&self, session: &'a Session) -> Vec<&'a str> {
        session
            .notes
            .lines()
            .filter(|line| {
                let line = text::fold(line);
                self.words.iter().any(|w| text::has_word(&line, w))
            })
            .collect()
    }
}

impl Filter for Query {
    fn keeps(&self, event: &Event, session: &impl Fields) -> bool {
        self.matches_fields(event, session)
    }

    /// Only words are searched in the text.
    fn reads_text(&self) -> bool {
        !self.words.is_empty()
    }
}

/// A session with the event it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub event: &'a Event,
    pub session: &'a Session,
    /// Shown instead of the id: a scheduled talk's short reference.
    pub reference: Option<&'a str>,
}

/// Sessions in reading order: day, start time (untimed last), id.
pub fn sort_rows(rows: &mut [Row<'_>]) {
    rows.sort_by(|a, b| {
        (&a.event.start, &a.event.slug, a.session.day, a.session.at.is_none(), a.session.at, a.session.id).cmp(&(
            &b.event.start,
            &b.event.slug,
            b.session.day,
            b.session.at.is_none(),
            b.session.at,
            b.session.id,
        ))
    });
}

/// The sessions of `files` that match `query`, in reading order.
pub fn select<'a>(files: &'a [EventFile], query: &Query) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = files
        .iter()
        .flat_map(|f| {
            f.sessions.iter().filter(|s| query.matches(&f.event, s)).map(move |s| Row {
                event: &f.event,
                session: s,
                reference: None,
            })
        })
        .collect();
    sort_rows(&mut rows);
    rows
}

/// Talks of a schedule under way at `now` or starting within 15 minutes,
/// whose room or title contains `filter` (ignoring case and accents), those
/// under way first. Breaks and day-long entries (badge pick-up, the expo
/// hall) are not talks and are left out.
pub fn running<'a>(schedule: &'a [Session], now: DateTime<Utc>, filter: &str) -> Vec<&'a Session> {
    let soon = now + SOON;
    let filter = text::fold(filter.trim());
    let mut talks: Vec<&Session> = schedule
        .iter()
        .filter(|t| t.kind != Kind::Other)
        .filter(|t| {
            let (Some(start), Some(end)) = (t.at, t.ends_at()) else { return false };
            (start <= soon && now < end && end - start <= Duration::hours(3))
                && (filter.is_empty()
                    || text::contains_folded(&t.title, &filter)
                    || t.room.as_deref().is_some_and(|r| text::contains_folded(r, &filter)))
        })
        .collect();
    talks.sort_by_key(|t| (t.at.is_some_and(|at| at > now), t.at));
    talks
}

/// Of the talks [`running`] found, the one meant when the person says no
/// more: the only one; else the only one under way (it wins over talks
/// about to start in the same room); else, when nothing was typed, the only
/// one under way that the person planned (`planned`).
pub fn the_one<'a>(
    candidates: &[&'a Session],
    now: DateTime<Utc>,
    typed: bool,
    planned: impl Fn(&Session) -> bool,
) -> Option<&'a Session> {
    let only = |talks: Vec<&'a Session>| if let [talk] = talks.as_slice() { Some(*talk) } else { None };
    let under_way: Vec<&'a Session> = candidates.iter().copied().filter(|t| t.at.is_some_and(|at| at <= now)).collect();
    only(candidates.to_vec())
        .or_else(|| if typed { only(under_way.clone()) } else { None })
        .or_else(|| only(under_way.iter().copied().filter(|t| planned(t)).collect()))
}

/// The planned talks under way at `now`, with their start (breaks and
/// day-long entries are not talks).
pub fn planned_under_way<'a>(
    sessions: impl IntoIterator<Item = &'a Session>,
    now: DateTime<Utc>,
) -> Vec<(u32, DateTime<FixedOffset>)> {
    sessions
        .into_iter()
        .filter(|s| s.status == Status::Planned && s.kind != Kind::Other && s.is_under_way(now))
        .filter_map(|s| Some((s.id, s.at?)))
        .collect()
}

/// How far from a talk a photo taken between two still belongs to it.
pub const PHOTO_MARGIN: Duration = Duration::minutes(15);

/// The session a photo taken at `taken` belongs to: the one under way
/// then (the one attended first, then the one that began last: a talk
/// inside a longer block), else the nearest one that ended or begins
/// within [`PHOTO_MARGIN`] (on a tie, the one about to begin: the stage
/// being set up). Talks missed or left for the replay are never chosen,
/// nor sessions without a time; none near enough is `None`, never a guess.
pub fn session_taken_in(sessions: &[Session], taken: DateTime<Utc>) -> Option<&Session> {
    let timed = || sessions.iter().filter(|s| matches!(s.status, Status::Attended | Status::Planned) && s.at.is_some());
    let under_way = timed()
        .filter(|s| s.is_under_way(taken))
        .max_by_key(|s| (s.status == Status::Attended, s.at, std::cmp::Reverse(s.id)));
    if under_way.is_some() {
        return under_way;
    }
    let distance = |s: &Session| {
        let (at, end) = (s.at?.with_timezone(&Utc), s.ends_at()?.with_timezone(&Utc));
        // Before it (0 when about to begin), or after it.
        let (gap, after) = if taken < at { (at - taken, false) } else { (taken - end, true) };
        Some((gap, after, s.status != Status::Attended, s.id))
    };
    timed()
        .filter_map(|s| Some((distance(s)?, s)))
        .filter(|((gap, ..), _)| *gap <= PHOTO_MARGIN)
        .min_by_key(|(key, _)| *key)
        .map(|(_, s)| s)
}

/// The planned session that starts next after `now`.
pub fn next_planned<'a>(sessions: impl IntoIterator<Item = &'a Session>, now: DateTime<Utc>) -> Option<&'a Session> {
    sessions.into_iter().filter(|s| s.status == Status::Planned && s.at.is_some_and(|at| at > now)).min_by_key(|s| s.at)
}

/// The talks of `schedule` that start next after `now` on the same day:
/// those of the first start time to come, and any within 15 minutes of it.
pub fn starting_next(schedule: &[Session], now: DateTime<Utc>, day: u32) -> Vec<&Session> {
    let later = || schedule.iter().filter(|t| t.kind != Kind::Other && t.day == day && t.at.is_some_and(|at| at > now));
    let Some(first) = later().filter_map(|t| t.at).min() else { return Vec::new() };
    let mut talks: Vec<&Session> = later().filter(|t| t.at.is_some_and(|at| at < first + SOON)).collect();
    talks.sort_by_key(|t| (t.at, t.room.clone()));
    talks
}

/// Where a jot that names no session goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JotTarget {
    /// The current session: under way, about to start, or just over.
    Current,
    /// The current session, though the person has likely moved on: they
    /// are told why and how to switch.
    Stale(Staleness),
    /// The one planned talk under way: the current session is over (or
    /// there is none), so this is where the person is.
    Planned(u32),
    /// No current session and no planned talk under way: the day's loose notes.
    Loose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// It ended more than half an hour ago.
    EndedLongAgo,
    /// It belongs to another day of the event.
    OtherDay,
    /// It starts more than 15 minutes from now.
    StartsLater,
}

/// A talk that starts within this counts as the one the person is at.
const SOON: Duration = Duration::minutes(15);
/// A note this long after a talk ended is hardly about it.
const LONG_AGO: Duration = Duration::minutes(30);

/// Where a jot goes at `now`, given the current session (if any) of
/// `event`. `planned_under_way` lists the planned talks under way with
/// their start; it is only called when the current session cannot take the
/// note without a second look, so the common case reads one session. A
/// session noted without an end (a hallway chat) lasts until a planned talk
/// begins after it.
pub fn jot_target<E>(
    current: Option<&Session>,
    event: &Event,
    now: DateTime<Utc>,
    planned_under_way: impl FnOnce() -> Result<Vec<(u32, DateTime<FixedOffset>)>, E>,
) -> Result<JotTarget, E> {
    let ended = current.is_some_and(|c| c.ends_at().is_some_and(|end| end <= now));
    let stale = current.and_then(|c| staleness(c, event, now));
    let live = current.is_some() && !ended && stale.is_none();
    if live && current.is_some_and(|c| c.end.is_some()) {
        return Ok(JotTarget::Current);
    }
    let current_id = current.map(|c| c.id);
    let begun_after = current.and_then(|c| c.at).filter(|_| live);
    let planned: Vec<u32> = planned_under_way()?
        .into_iter()
        .filter(|&(id, start)| Some(id) != current_id && begun_after.is_none_or(|after| start > after))
        .map(|(id, _)| id)
        .collect();
    if let [id] = planned[..] {
        return Ok(JotTarget::Planned(id));
    }
    Ok(match (current, stale) {
        (_, Some(why)) => JotTarget::Stale(why),
        (Some(_), None) => JotTarget::Current,
        (None, None) => JotTarget::Loose,
    })
}

/// Why a note at `now` is unlikely to be about `session`, if it is.
fn staleness(session: &Session, event: &Event, now: DateTime<Utc>) -> Option<Staleness> {
    if event.today(now).is_ok_and(|today| today != session.day) {
        return Some(Staleness::OtherDay);
    }
    match (session.at, session.ends_at()) {
        (Some(at), _) if at > now + SOON => Some(Staleness::StartsLater),
        (_, Some(end)) if end + LONG_AGO <= now => Some(Staleness::EndedLongAgo),
        _ => None,
    }
}

/// The talk whose reference (or schedule id) starts with `wanted`.
pub fn find_by_reference<'a>(wanted: &str, schedule: &'a [Session], refs: &[String]) -> Result<&'a Session, Error> {
    let wanted_key = wanted.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    let exact = refs.iter().position(|r| *r == wanted_key);
    let matches: Vec<usize> = match exact {
        Some(index) => vec![index],
        None => (0..schedule.len())
            .filter(|&i| {
                let id = schedule[i].schedule_id.as_deref().unwrap_or("");
                let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
                !wanted_key.is_empty() && id.starts_with(&wanted_key)
            })
            .collect(),
    };
    match matches.as_slice() {
        [index] => Ok(&schedule[*index]),
        [] => Err(Error::user(|lang| messages::no_reference(lang, wanted), messages::hint_list_references)),
        several => {
            let examples = several.iter().take(3).map(|&i| refs[i].as_str()).collect::<Vec<_>>().join(", ");
            Err(Error::user(
                |lang| messages::ambiguous_reference(lang, wanted, several.len()),
                |lang| messages::hint_more_characters(lang, &examples),
            ))
        }
    }
}

/// What words are searched in: title, speakers, tags, room, track, notes
/// and the programme's abstract.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speaker;

    #[test]
    fn photos_go_to_the_talk_under_way_else_the_nearest_within_a_quarter() {
        let at = |hm: &str| DateTime::parse_from_rfc3339(&format!("2024-03-20T{hm}:00+01:00")).unwrap();
        let talk = |id, start, end, status| Session {
            id,
            day: 2,
            at: Some(at(start)),
            end: Some(at(end)),
            status,
            ..Session::default()
        };
        let sessions = [
            talk(1, "09:00", "10:00", Status::Attended),
            talk(2, "10:30", "11:00", Status::Planned),
            talk(3, "10:30", "11:00", Status::Attended),
            talk(4, "14:00", "15:00", Status::Missed),
        ];
        let id = |hm| session_taken_in(&sessions, at(hm).with_timezone(&Utc)).map(|s| s.id);
        assert_eq!(id("09:30"), Some(1));
        assert_eq!(id("10:45"), Some(3), "the attended one of two at once");
        assert_eq!(id("10:10"), Some(1), "ten minutes after");
        assert_eq!(id("10:20"), Some(3), "ten minutes before beats twenty after");
        assert_eq!(id("10:15"), Some(3), "a tie goes to the talk about to begin");
        assert_eq!(id("12:00"), None, "an hour after anything");
        assert_eq!(id("14:30"), None, "a missed talk is not where the photo was taken");
    }

    fn cilium() -> Session {
        Session {
            id: 3,
            day: 2,
            title: "Multi-cluster with Cilium".into(),
            speakers: vec![Speaker::parse("Liz Rice (Isovalent)").unwrap()],
            tags: vec!["eBPF".into()],
            verdict: Some("to-try".into()),
            notes: "- Cluster mesh: CIDRs must not overlap\n- Réseau global\n".into(),
            ..Session::default()
        }
    }

    #[test]
    fn fields_combine_and_values_alternate() {
        let s = cilium();
        assert!(Query { days: vec![DaySel::Number(1), DaySel::Number(2)], ..Query::default() }.matches(&event(), &s));
        assert!(
            !Query { days: vec![DaySel::Number(2)], kinds: vec![Kind::Keynote], ..Query::default() }
                .matches(&event(), &s)
        );
        assert!(
            Query { tags: vec!["ebpf".into()], speaker: Some("isoval".into()), ..Query::default() }
                .matches(&event(), &s)
        );
        assert!(!Query { verdicts: vec!["meh".into()], ..Query::default() }.matches(&event(), &s));
        // Day 2 of the event is Tuesday 24 March 2026.
        let on = |sel| Query { days: vec![sel], ..Query::default() }.matches(&event(), &s);
        assert!(
            on(DaySel::Weekday(Weekday::Tue))
                && on(DaySel::Date(chrono::NaiveDate::from_ymd_opt(2026, 3, 24).unwrap()))
        );
        assert!(!on(DaySel::Weekday(Weekday::Wed)));
    }

    fn event() -> Event {
        let date = |d| chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        Event {
            slug: "kc".into(),
            name: "KC".into(),
            location: None,
            start: date(23),
            end: date(26),
            timezone: crate::model::Zone::named("Europe/Amsterdam").unwrap(),
            url: None,
            tags: vec![],
            days: Default::default(),
        }
    }

    /// A talk of day 2 (2026-03-24) from `start` to `end`, local times.
    fn talk(id: u32, start: &str, end: &str) -> Session {
        let at = |t: &str| chrono::DateTime::parse_from_rfc3339(&format!("2026-03-24T{t}:00+01:00")).unwrap();
        Session { id, day: 2, at: Some(at(start)), end: Some(at(end)), ..Session::default() }
    }

    fn at(time: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-03-24T{time}:00+01:00")).unwrap().to_utc()
    }

    /// Where a jot goes; `planned` talks under way all began at 09:31.
    fn target(current: Option<&Session>, now: &str, planned: &[u32]) -> JotTarget {
        let begun = DateTime::parse_from_rfc3339("2026-03-24T09:31:00+01:00").unwrap();
        jot_target::<()>(current, &event(), at(now), || Ok(planned.iter().map(|&id| (id, begun)).collect())).unwrap()
    }

    #[test]
    fn a_jot_follows_the_talk_the_person_is_at() {
        let morning = talk(1, "09:00", "09:30");
        // Under way, or about to start: the current session, whatever is planned.
        assert_eq!(target(Some(&morning), "09:10", &[7]), JotTarget::Current);
        assert_eq!(target(Some(&morning), "08:50", &[7]), JotTarget::Current);
        // Over, and one planned talk under way: that one.
        assert_eq!(target(Some(&morning), "09:35", &[7]), JotTarget::Planned(7));
        assert_eq!(target(None, "09:35", &[7]), JotTarget::Planned(7));
        // Over, with no single planned talk: still the current one, a word
        // only once it is long over.
        assert_eq!(target(Some(&morning), "09:35", &[7, 8]), JotTarget::Current);
        assert_eq!(target(Some(&morning), "10:35", &[]), JotTarget::Stale(Staleness::EndedLongAgo));
        // Half an hour after its end (a coffee break), a note is hardly about it.
        assert_eq!(target(Some(&morning), "10:05", &[]), JotTarget::Stale(Staleness::EndedLongAgo));
        assert_eq!(target(Some(&morning), "09:55", &[]), JotTarget::Current);
        assert_eq!(target(None, "10:35", &[]), JotTarget::Loose);
        // Much later, or another day.
        assert_eq!(target(Some(&talk(2, "14:00", "14:30")), "10:00", &[]), JotTarget::Stale(Staleness::StartsLater));
        let yesterday = Session { day: 1, at: None, end: None, ..talk(3, "09:00", "09:30") };
        assert_eq!(target(Some(&yesterday), "10:00", &[]), JotTarget::Stale(Staleness::OtherDay));
        assert_eq!(target(Some(&yesterday), "10:00", &[9]), JotTarget::Planned(9));
        // A chat noted at 09:20 without an end gives way to a planned talk
        // begun after it, not to one begun before it.
        let chat = Session { end: None, ..talk(4, "09:20", "09:20") };
        assert_eq!(target(Some(&chat), "09:40", &[7]), JotTarget::Planned(7));
        let late_chat = Session { end: None, ..talk(5, "09:35", "09:35") };
        assert_eq!(target(Some(&late_chat), "09:40", &[7]), JotTarget::Current);
    }

    #[test]
    fn a_query_without_filters_is_empty() {
        assert!(Query::default().is_empty());
        assert!(Query::default().with_words([" "]).is_empty());
        assert!(!Query { days: vec![DaySel::Number(2)], ..Query::default() }.is_empty());
        assert!(!Query::default().with_words(["ebpf"]).is_empty());
    }

    #[test]
    fn words_ignore_case_and_accents() {
        let s = cilium();
        let query = Query::default().with_words(["reseau"]);
        assert!(query.matches(&event(), &s));
        // Words, not parts of words.
        assert!(!Query::default().with_words(["lobal"]).matches(&event(), &s));
        assert_eq!(query.matching_lines(&s), vec!["- Réseau global"]);
        assert!(!Query::default().with_words(["cidrs", "absent"]).matches(&event(), &s));
    }
}
