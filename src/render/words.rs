//! The fixed words of the tool's output and of the blog post, in French
//! and English: every word that has a translation lives here.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::model::{Kind, Lang, Status};

/// Fixed words of one language.
pub struct Words {
    pub id: &'static str,
    pub day: &'static str,
    pub time: &'static str,
    pub title: &'static str,
    pub speakers: &'static str,
    pub room: &'static str,
    pub kind: &'static str,
    pub status: &'static str,
    pub verdict: &'static str,
    pub event: &'static str,
    pub tags: &'static str,
    pub links: &'static str,
    pub track: &'static str,
    pub section: &'static str,
    /// Who noted a session, in a team journal.
    pub author: &'static str,
    /// Who of the team goes to a talk.
    pub who: &'static str,
    pub sessions: &'static str,
    pub dates: &'static str,
    pub location: &'static str,
    pub online: &'static str,
    pub timezone: &'static str,
    pub intro: &'static str,
    pub conclusion: &'static str,
    /// The day's paragraph about the talks missed.
    pub wished: &'static str,
    pub name: &'static str,
    pub no_sessions: &'static str,
    /// `export ics` of nothing: the file is still a calendar.
    pub empty_calendar: &'static str,
    /// After the status of a session whose talk left the schedule.
    pub removed_from_schedule: &'static str,
    pub abstract_text: &'static str,
    /// The title of the session that keeps a day's jots made while no
    /// session was current.
    pub loose_notes: &'static str,
    /// Before the command that plans a programme talk.
    pub plan_it: &'static str,
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
}

pub const EN: Words = Words {
    id: "ID",
    day: "Day",
    time: "Time",
    title: "Title",
    speakers: "Speakers",
    room: "Room",
    kind: "Kind",
    status: "Status",
    verdict: "Verdict",
    event: "Event",
    tags: "Tags",
    links: "Links",
    track: "Track",
    section: "Section",
    author: "By",
    who: "Who",
    sessions: "Sessions",
    dates: "Dates",
    location: "Location",
    online: "online",
    timezone: "Time zone",
    intro: "Intro",
    conclusion: "Conclusion",
    wished: "Wished for",
    name: "Name",
    no_sessions: "No sessions match.",
    empty_calendar: "No session matches: the calendar is empty.",
    removed_from_schedule: "removed from schedule",
    abstract_text: "Abstract",
    loose_notes: "Loose notes",
    plan_it: "Not in your journal; to plan it:",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

pub const FR: Words = Words {
    id: "N°",
    day: "Jour",
    time: "Heure",
    title: "Titre",
    speakers: "Speakers",
    room: "Salle",
    kind: "Type",
    status: "Statut",
    verdict: "Verdict",
    event: "Événement",
    tags: "Tags",
    links: "Liens",
    track: "Track",
    section: "Section",
    author: "Par",
    who: "Qui",
    sessions: "Sessions",
    dates: "Dates",
    location: "Lieu",
    online: "en ligne",
    timezone: "Fuseau",
    intro: "Intro",
    conclusion: "Conclusion",
    wished: "Manqués",
    name: "Nom",
    no_sessions: "Aucune session ne correspond.",
    empty_calendar: "Aucune session ne correspond\u{a0}: le calendrier est vide.",
    removed_from_schedule: "retiré du programme",
    abstract_text: "Résumé",
    loose_notes: "Notes en vrac",
    plan_it: "Absent de votre journal\u{a0}; pour le prévoir\u{a0}:",
    weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
};

/// How a kind reads in a table or a session's view (JSON and filters use the key).
pub fn kind_label(kind: Kind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::En, _) => kind.key(),
        (Lang::Fr, Kind::Panel) => "table ronde",
        (Lang::Fr, Kind::Workshop) => "atelier",
        (Lang::Fr, Kind::Demo) => "démo",
        (Lang::Fr, Kind::Networking) => "rencontres",
        (Lang::Fr, Kind::Other) => "autre",
        (Lang::Fr, _) => kind.key(),
    }
}

/// A link's label in a post: the labels notes gives links by itself
/// (slides, video, repo, link, schedule) in the post's language; the
/// person's own labels as written.
pub fn link_label(label: &str, lang: Lang) -> &str {
    match (lang, label) {
        (Lang::Fr, "video") => "vidéo",
        (Lang::Fr, "repo") => "dépôt",
        (Lang::Fr, "link") => "lien",
        (Lang::Fr, "schedule") => "programme",
        _ => label,
    }
}

/// How a status reads in a table or a session's view.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::En, _) => status.key(),
        (Lang::Fr, Status::Attended) => "vu",
        (Lang::Fr, Status::Planned) => "prévu",
        (Lang::Fr, Status::Missed) => "raté",
        (Lang::Fr, Status::Replay) => "en replay",
    }
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

impl Words {
    /// "Thursday 21 March 2024" / "jeudi 21 mars 2024".
    pub fn long_date(&self, date: NaiveDate) -> String {
        let weekday = self.weekdays[date.weekday().num_days_from_monday() as usize];
        let month = self.months[date.month0() as usize];
        format!("{weekday} {} {month} {}", date.day(), date.year())
    }

    /// "Thursday 21 March" / "jeudi 21 mars".
    pub fn day_and_month(&self, date: NaiveDate) -> String {
        let weekday = self.weekdays[date.weekday().num_days_from_monday() as usize];
        format!("{weekday} {} {}", date.day(), self.months[date.month0() as usize])
    }

    pub fn weekday(&self, day: Weekday) -> &'static str {
        self.weekdays[day.num_days_from_monday() as usize]
    }
}

/// The words of `notes now` and `notes next`.
pub struct GlanceWords {
    pub here: &'static str,
    pub next: &'static str,
    pub elsewhere: &'static str,
    pub starting_next: &'static str,
    pub no_session: &'static str,
    pub next_jot_here: &'static str,
    pub nothing_planned: &'static str,
    pub nothing_elsewhere: &'static str,
    pub nothing_starting: &'static str,
    /// "in" 38 min.
    pub in_: &'static str,
    /// 28 min "left".
    pub left: &'static str,
    /// "ended" 12 min "ago".
    pub ended: &'static str,
    pub ago: &'static str,
}

pub fn glance_words(lang: Lang) -> &'static GlanceWords {
    const EN: GlanceWords = GlanceWords {
        here: "Here",
        next: "Next",
        elsewhere: "Elsewhere now",
        starting_next: "Starting next",
        no_session: "no current session: a jot goes to the day's loose notes",
        next_jot_here: "planned, under way: your next jot goes here",
        nothing_planned: "nothing planned later (notes plan REF)",
        nothing_elsewhere: "Nothing else is under way.",
        nothing_starting: "Nothing else starts today.",
        in_: "in",
        left: "left",
        ended: "ended",
        ago: "ago",
    };
    const FR: GlanceWords = GlanceWords {
        here: "Ici",
        next: "Ensuite",
        elsewhere: "Ailleurs en ce moment",
        starting_next: "Commence ensuite",
        no_session: "aucune session en cours\u{a0}: une note va dans les notes en vrac du jour",
        next_jot_here: "prévu, en cours\u{a0}: votre prochaine note va ici",
        nothing_planned: "rien de prévu ensuite (notes plan REF)",
        nothing_elsewhere: "Rien d’autre en cours.",
        nothing_starting: "Plus rien ne commence aujourd’hui.",
        in_: "dans",
        left: "restantes",
        ended: "fini il y a",
        ago: "",
    };
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The headings and fixed words of a blog post.
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

pub fn post_words(lang: Lang) -> PostWords {
    match lang {
        Lang::Fr => PostWords {
            keynotes: "Keynotes",
            talks: "Talks",
            wished: "Les talks que j’aurais aimé voir",
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

/// "In figures: 12 talks seen (3 keynotes), 2 missed, 7 rooms, 14
/// organisations, out of 596 in the programme."
pub fn figures_line(f: &crate::render::markdown::Figures, lang: Lang) -> String {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let keynotes = f.by_kind.get("keynote").copied().unwrap_or(0);
    let (fr, en) = (lang == Lang::Fr, lang == Lang::En);
    let mut seen = if fr { count(f.seen, "talk vu", "talks vus") } else { count(f.seen, "talk seen", "talks seen") };
    if keynotes > 0 {
        let keynotes = count(keynotes, "keynote", "keynotes");
        seen.push_str(&if fr { format!(" (dont {keynotes})") } else { format!(" ({keynotes})") });
    }
    let mut parts = vec![seen];
    if f.missed > 0 {
        parts.push(if fr { count(f.missed, "raté", "ratés") } else { format!("{} missed", f.missed) });
    }
    parts.push(if fr { count(f.rooms, "salle", "salles") } else { count(f.rooms, "room", "rooms") });
    parts.push(count(f.organisations, "organisation", "organisations"));
    let programme = match (f.programme, en) {
        (0, _) => String::new(),
        (n, true) => format!(", out of {n} in the programme"),
        (n, false) => format!(", sur {n} au programme"),
    };
    let lead = if fr { "En chiffres\u{a0}:" } else { "In figures:" };
    format!("{lead} {}{programme}.", parts.join(", "))
}

/// "A, B et C": names joined as a sentence says them.
pub fn join_names(names: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// "Cet article a été co-écrit par A, B et C."
pub fn cowritten_text(authors: &[String], lang: Lang) -> String {
    let names = join_names(authors, lang);
    match lang {
        Lang::Fr => format!("Cet article a été co-écrit par {names}."),
        Lang::En => format!("This post was co-written by {names}."),
    }
}

/// "Par Léa Moreau": who wrote a section of a co-written post.
pub fn written_by(authors: &[String], lang: Lang) -> String {
    let names = join_names(authors, lang);
    match lang {
        Lang::Fr => format!("Par {names}"),
        Lang::En => format!("By {names}"),
    }
}

pub fn series_text(lang: Lang, total: usize) -> String {
    match lang {
        Lang::Fr => format!("Cet article fait partie d’une série de {total} articles\u{a0}:"),
        Lang::En => format!("This post is part of a series of {total} posts:"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_join_as_a_sentence() {
        let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(join_names(&names(&["A"]), Lang::Fr), "A");
        assert_eq!(join_names(&names(&["A", "B", "C"]), Lang::Fr), "A, B et C");
        assert_eq!(join_names(&names(&["A", "B"]), Lang::En), "A and B");
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(status_label(Status::Missed, Lang::Fr), "raté");
        assert_eq!(status_label(Status::Missed, Lang::En), "missed");
        assert_eq!(kind_label(Kind::Workshop, Lang::Fr), "atelier");
        assert_eq!(kind_label(Kind::Keynote, Lang::Fr), "keynote");
    }

    #[test]
    fn long_dates_in_both_languages() {
        let date = NaiveDate::from_ymd_opt(2024, 3, 21).unwrap();
        assert_eq!(EN.long_date(date), "Thursday 21 March 2024");
        assert_eq!(FR.long_date(date), "jeudi 21 mars 2024");
    }
}
