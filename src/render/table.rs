//! Tables for `list` and `event list`, fitted to the terminal width.
//!
//! Widths are counted in terminal columns (a CJK character or an emoji
//! takes two, a combining accent none), the way the terminal draws them:
//! counted in characters, a wide cell made the table overflow its width.

use comfy_table::{ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle as Lines, Width};
use unicode_width::UnicodeWidthStr;

use crate::model::team::TeamPlan;
use crate::model::{Event, Lang, Session, Speaker, Status, Vocabulary};
use crate::render::words::{kind_label, status_label, words};
use crate::render::{Row, time_range};
use crate::ui::sanitize_line;

/// How tables are drawn.
pub struct TableStyle<'a> {
    pub vocabulary: &'a Vocabulary,
    pub lang: Lang,
    /// Fit to this many columns; `None`: no limit (no terminal, `--width 0`).
    pub width: Option<u16>,
}

impl TableStyle<'_> {
    fn table(&self, header: Vec<&str>) -> Table {
        let mut table = Table::new();
        // Only a rule under the header: vertical lines cost width that titles need.
        let lines = Lines::new().header_separator(LineStyle::none().fill('─').junction('─'));
        table.load_style(lines).set_content_arrangement(ContentArrangement::Dynamic).set_header(header);
        // The width is decided once, from `--width`, COLUMNS or the terminal
        // (`notes::run`); comfy-table must not measure stdout on its own.
        table.force_no_tty();
        if let Some(width) = self.width {
            table.set_width(width);
        }
        table
    }
}

/// A day's team plan (`notes team plan`): each talk someone planned or
/// attended, by time, with who; a talk with several of the team says so
/// (two colleagues in one room). The time shows once per slot.
pub fn team_plan(plan: &TeamPlan<'_>, event: &Event, style: &TableStyle<'_>) -> String {
    let w = words(style.lang);
    let mut table = style.table(vec![w.time, w.room, w.title, w.who]);
    let mut previous_time = String::new();
    for talk in &plan.covered {
        let time = time_range(event, talk.session);
        let shown_time = if time == previous_time { String::new() } else { time.clone() };
        previous_time = time;
        let mut who = talk.who.join(", ");
        if talk.who.len() > 1 {
            who = format!("{who} ({})", crate::messages::together_in_one_room(style.lang, talk.who.len()));
        }
        let room = talk.session.room.clone().unwrap_or_default();
        let cells = [room.as_str(), talk.session.title.as_str(), who.as_str()].map(|c| sanitize_line(c).into_owned());
        let [room, title, who] = cells;
        table.add_row(vec![shown_time, room, title, who]);
    }
    for (index, constraint) in [(0, ColumnConstraint::ContentWidth), (3, ColumnConstraint::ContentWidth)] {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(constraint);
        }
    }
    draw(&table)
}

/// Lines of a drawn table without the blanks that pad its last column.
fn draw(table: &Table) -> String {
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A column of the sessions table.
struct Column {
    header: &'static str,
    cells: Vec<String>,
    /// Share of the width the other columns leave (title 6, speakers 3,
    /// room 2); such a column wraps its cells. 0: as wide as its content.
    weight: usize,
    /// Narrowest a shared column may get, in terminal columns of text.
    min: usize,
    /// The title width this column is worth: below it, the column goes
    /// (the kind is worth less than a readable title, the room more).
    title_needs: usize,
    /// Dropped first (lowest) when the terminal is too narrow; `None`: always kept.
    drop_order: Option<u8>,
}

impl Column {
    /// A column as wide as its widest cell.
    fn content(header: &'static str, cells: Vec<String>, drop_order: Option<u8>) -> Column {
        Column { header, cells, weight: 0, min: 0, title_needs: TITLE_MIN, drop_order }
    }

    /// A column that shares the width left by the others and wraps its cells.
    fn shared(header: &'static str, cells: Vec<String>, weight: usize, min: usize, drop_order: Option<u8>) -> Column {
        Column { header, cells, weight, min, title_needs: TITLE_MIN, drop_order }
    }

    /// Kept only while the title can be `title_width` columns wide.
    fn worth(self, title_width: usize) -> Column {
        Column { title_needs: title_width, ..self }
    }

    /// Narrowest this column may get: its content, or less if it is shared.
    /// The title (the shared column that never goes) gets `title_min`.
    fn narrowest(&self, title_min: usize) -> usize {
        let min = if self.drop_order.is_none() && self.weight > 0 { title_min } else { self.min };
        if self.weight == 0 { natural_width(self) } else { natural_width(self).min(min).max(1) }
    }
}

/// Drop orders, first dropped first. The time and the room, what a person
/// in a corridor needs, go last; the title and the id never go.
mod drop {
    pub const KIND: u8 = 0;
    /// Every status shown is "attended": the column says little.
    pub const STATUS_ALL_ATTENDED: u8 = 1;
    pub const SPEAKERS: u8 = 2;
    /// A verdict is given to a talk attended; the status says which were not.
    pub const VERDICT: u8 = 3;
    /// Some talk is planned, missed or on replay: a person looks for those.
    pub const STATUS: u8 = 4;
    /// Who noted it, in a team journal.
    pub const AUTHOR: u8 = 5;
    pub const EVENT: u8 = 6;
    pub const DAY: u8 = 7;
    pub const ROOM: u8 = 8;
    pub const TIME: u8 = 9;
}

/// Cell padding: one blank on each side.
const PADDING: usize = 2;
/// The title is never narrower than this while a column can still go.
const TITLE_MIN: usize = 30;

/// The sessions table. Columns that would say nothing are left out (the
/// event when all rows share one, the day when they share one, a column
/// empty in every row), and on a narrow terminal the least useful ones go
/// first ([`drop`]).
pub fn sessions(rows: &[Row<'_>], style: &TableStyle<'_>) -> String {
    sessions_in_parts(rows, style, PART)
}

/// [`sessions`], drawn `part` rows at a time when the columns' widths are
/// known.
fn sessions_in_parts(rows: &[Row<'_>], style: &TableStyle<'_>, part: usize) -> String {
    let w = words(style.lang);
    let cells = |f: &dyn Fn(&Row<'_>) -> String| rows.iter().map(f).collect::<Vec<_>>();
    let text = |f: &dyn Fn(&Row<'_>) -> String| cells(&|r| sanitize_line(&f(r)).into_owned());
    let several_events = rows.windows(2).any(|pair| pair[0].event.slug != pair[1].event.slug);
    let several_days = several_events || rows.windows(2).any(|pair| pair[0].session.day != pair[1].session.day);
    let label = |r: &Row<'_>| r.session.verdict.as_deref().map(|v| style.vocabulary.label(v, style.lang).to_string());
    // A scheduled talk nobody picked (id 0) has no status of its own.
    // A team journal: who noted what, once more than one person did.
    let mut authors = rows.iter().filter_map(|r| r.session.author.as_deref());
    let several_authors = authors.next().is_some_and(|first| authors.any(|other| other != first));
    let status_matters = rows.iter().any(|r| r.session.id != 0 && r.session.status != Status::Attended);
    let status_order = if status_matters { drop::STATUS } else { drop::STATUS_ALL_ATTENDED };
    let mut columns = vec![
        several_events.then(|| Column::content(w.event, cells(&|r| r.event.slug.clone()), Some(drop::EVENT))),
        Some(Column::content(
            w.id,
            cells(&|r| r.reference.map_or_else(|| r.session.id.to_string(), str::to_string)),
            None,
        )),
        several_days.then(|| Column::content(w.day, cells(&|r| r.session.day.to_string()), Some(drop::DAY))),
        Some(Column::content(w.time, cells(&|r| time_range(r.event, r.session)), Some(drop::TIME))),
        Some(Column::shared(w.title, text(&|r| r.session.title.clone()), 6, TITLE_MIN, None)),
        Some(Column::shared(w.speakers, text(&|r| speakers_cell(r.session)), 3, 20, Some(drop::SPEAKERS)).worth(40)),
        Some(Column::shared(w.room, text(&|r| r.session.room.clone().unwrap_or_default()), 2, 10, Some(drop::ROOM))),
        Some(
            Column::content(w.kind, cells(&|r| kind_label(r.session.kind, style.lang).to_string()), Some(drop::KIND))
                .worth(50),
        ),
        Some(Column::content(w.status, cells(&|r| status(r, style.lang)), Some(status_order))),
        Some(Column::content(w.verdict, text(&|r| label(r).unwrap_or_default()), Some(drop::VERDICT))),
        several_authors.then(|| {
            Column::content(w.author, text(&|r| r.session.author.clone().unwrap_or_default()), Some(drop::AUTHOR))
        }),
    ]
    .into_iter()
    .flatten()
    // A column empty in every row is never shown: its header would only
    // take the width titles need.
    .filter(|c| c.drop_order.is_none() || c.cells.iter().any(|cell| !cell.trim().is_empty()))
    .collect::<Vec<_>>();
    let widths = style.width.map(|width| fit(&mut columns, usize::from(width)));
    let draw_rows = |range: std::ops::Range<usize>| {
        let mut table = style.table(columns.iter().map(|c| c.header).collect());
        for index in range {
            table.add_row(columns.iter().map(|c| c.cells[index].as_str()).collect::<Vec<_>>());
        }
        for (index, column) in columns.iter().enumerate() {
            // Every width is decided here, so what `fit` counted is what is drawn.
            let constraint = match widths.as_ref().map(|w| w[index]) {
                Some(width) => {
                    ColumnConstraint::Absolute(Width::Fixed(u16::try_from(width + PADDING).unwrap_or(u16::MAX)))
                }
                None if column.weight == 0 => ColumnConstraint::ContentWidth,
                None => continue,
            };
            if let Some(c) = table.column_mut(index) {
                c.set_constraint(constraint);
            }
        }
        draw(&table)
    };
    // Without a width, the columns are as wide as the widest of all rows.
    if widths.is_none() || rows.len() <= part {
        return draw_rows(0..rows.len());
    }
    // Every column has its width: each row is drawn the same whatever the
    // others, so ten years of sessions are drawn in parts, on every core,
    // each part without the header the first one has.
    let parts: Vec<std::ops::Range<usize>> =
        (0..rows.len()).step_by(part).map(|start| start..(start + part).min(rows.len())).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, parts.len());
    let per_thread = parts.len().div_ceil(threads);
    let drawn: Vec<String> = std::thread::scope(|scope| {
        let draw_rows = &draw_rows;
        let workers: Vec<_> = parts
            .chunks(per_thread)
            .map(|some| scope.spawn(move || some.iter().map(|range| draw_rows(range.clone())).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("drawing a table does not panic")).collect()
    });
    let mut out = String::with_capacity(drawn.iter().map(String::len).sum());
    for (i, part) in drawn.iter().enumerate() {
        if i == 0 {
            out.push_str(part);
        } else {
            // The header's lines end with its rule, the only line that
            // starts with one (a row starts with a cell's padding).
            let rule = part.find("\n─").map_or(0, |at| at + 1);
            let body = part[rule..].find('\n').map_or(part.len(), |end| rule + end + 1);
            out.push_str(&part[body..]);
        }
    }
    out
}

/// Rows drawn at once when a table is drawn in parts.
const PART: usize = 1000;

/// The speakers as the table shows them: one or two in full, more as the
/// first one's name and how many others ("Nick Young +4"); `show` and JSON
/// keep the whole list.
fn speakers_cell(session: &Session) -> String {
    match session.speakers.as_slice() {
        [first, _, _, ..] => format!("{} +{}", first.name, session.speakers.len() - 1),
        _ => session.speakers.iter().map(Speaker::name_and_org).collect::<Vec<_>>().join(", "),
    }
}

/// The status, and whether the talk left the imported schedule. A
/// scheduled talk the user has not picked (id 0) has none.
fn status(row: &Row<'_>, lang: Lang) -> String {
    let session = row.session;
    let label = status_label(session.status, lang);
    match (session.id, session.removed_from_schedule) {
        (0, _) => String::new(),
        (_, true) => format!("{label} ({})", words(lang).removed_from_schedule),
        _ => label.to_string(),
    }
}

/// Terminal columns the widest cell (or the header) of `column` takes.
fn natural_width(column: &Column) -> usize {
    column.cells.iter().map(|s| s.width()).chain([column.header.width()]).max().unwrap_or(0)
}

/// Fits the table in `width`: drops columns, least useful first, until the
/// others fit with the shared ones at their narrowest and the title as
/// wide as the remaining columns are worth; then gives what is left to
/// the shared columns by weight, none wider than its content. Returns the
/// text width of each column, padding excluded.
fn fit(columns: &mut Vec<Column>, width: usize) -> Vec<usize> {
    // Padding on both sides of each cell, and one blank between columns.
    let frame = |columns: &[Column]| columns.len() * (PADDING + 1) - 1;
    let title_min = |columns: &[Column]| columns.iter().map(|c| c.title_needs).max().unwrap_or(TITLE_MIN);
    let needed = |columns: &[Column]| {
        let title_min = title_min(columns);
        columns.iter().map(|c| c.narrowest(title_min)).sum::<usize>() + frame(columns)
    };
    while needed(columns) > width {
        let Some((_, index)) = columns.iter().enumerate().filter_map(|(i, c)| c.drop_order.map(|o| (o, i))).min()
        else {
            break;
        };
        columns.remove(index);
    }
    let title_min = title_min(columns);
    let mut widths: Vec<usize> = columns.iter().map(|c| c.narrowest(title_min)).collect();
    let mut left = width.saturating_sub(widths.iter().sum::<usize>() + frame(columns));
    // What is left goes by weight to the shared columns still narrower than
    // their content; one that reaches it leaves the rest to the others.
    loop {
        let open: Vec<usize> =
            (0..columns.len()).filter(|&i| columns[i].weight > 0 && widths[i] < natural_width(&columns[i])).collect();
        let total_weight: usize = open.iter().map(|&i| columns[i].weight).sum();
        if open.is_empty() || left == 0 {
            break;
        }
        let mut given = 0;
        for &i in &open {
            // At least one column each, so that rounding never stalls the loop.
            let share = (left * columns[i].weight / total_weight).max(1);
            let more = share.min(natural_width(&columns[i]) - widths[i]).min(left - given);
            widths[i] += more;
            given += more;
        }
        left -= given;
    }
    widths
}

/// One event in `event list`, with how many sessions it holds.
pub struct EventLine<'a> {
    pub event: &'a Event,
    pub sessions: usize,
    pub current: bool,
}

pub fn events(lines: &[EventLine<'_>], style: &TableStyle<'_>) -> String {
    let w = words(style.lang);
    let mut table = style.table(vec!["", "Slug", w.name, w.dates, w.location, w.sessions]);
    for line in lines {
        let e = line.event;
        table.add_row(vec![
            if line.current { "*".to_string() } else { String::new() },
            e.slug.clone(),
            sanitize_line(&e.name).into_owned(),
            format!("{} → {}", e.start, e.end),
            sanitize_line(e.location.as_deref().unwrap_or(w.online)).into_owned(),
            line.sessions.to_string(),
        ]);
    }
    draw(&table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<Column> {
        let cells = |text: &str| vec![text.to_string(), String::new()];
        vec![
            Column::content("ID", cells("3b0a"), None),
            Column::content("Time", cells("09:00–09:35"), Some(drop::TIME)),
            Column::shared("Title", cells(&"Keynote: Welcome ".repeat(6)), 6, TITLE_MIN, None),
            Column::shared("Speakers", cells("Jonathan Bryce (Linux Foundation) +1"), 3, 20, Some(drop::SPEAKERS))
                .worth(40),
            Column::shared("Room", cells("Hall 1-5 | Tram Zone | Cloud Native Theater"), 2, 10, Some(drop::ROOM)),
            Column::content("Kind", cells("keynote"), Some(drop::KIND)).worth(50),
            Column::content("Status", cells("planned"), Some(drop::STATUS)),
        ]
    }

    #[test]
    fn fitted_tables_fill_at_most_the_width_and_keep_time_and_room_last() {
        for width in 60..=250 {
            let mut columns = columns();
            let widths = fit(&mut columns, width);
            let drawn = widths.iter().sum::<usize>() + columns.len() * 3 - 1;
            assert!(drawn <= width, "{drawn} columns drawn at {width}");
            let headers: Vec<&str> = columns.iter().map(|c| c.header).collect();
            if headers.contains(&"Kind") || headers.contains(&"Speakers") || headers.contains(&"Status") {
                assert!(headers.contains(&"Time") && headers.contains(&"Room"), "{headers:?} at {width}");
            }
            let title = widths[headers.iter().position(|h| *h == "Title").unwrap_or(0)];
            assert!(widths.iter().all(|w| *w <= title), "{widths:?} at {width}");
        }
    }

    #[test]
    fn a_table_drawn_in_parts_is_the_table_drawn_whole() {
        let event = Event {
            slug: "conf".into(),
            name: "Conf".into(),
            location: None,
            start: chrono::NaiveDate::from_ymd_opt(2024, 3, 19).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2024, 3, 21).unwrap(),
            timezone: crate::model::Zone::UTC,
            url: None,
            tags: Vec::new(),
            days: Default::default(),
        };
        let sessions: Vec<Session> = (0..40u32)
            .map(|i| Session {
                id: i + 1,
                day: i % 3 + 1,
                // Titles of every length: some wrap over several lines.
                title: format!("Talk {i} {}", "sur la plateforme ".repeat(i as usize % 7)),
                speakers: vec![Speaker {
                    name: "Camille Durand".into(),
                    role: None,
                    org: Some("Société Générale".into()),
                }],
                room: (i % 2 == 0).then(|| "Hall 7".into()),
                verdict: (i % 5 == 0).then(|| "good".into()),
                ..Session::default()
            })
            .collect();
        let rows: Vec<Row<'_>> = sessions.iter().map(|s| Row { event: &event, session: s, reference: None }).collect();
        let vocabulary = Vocabulary::default();
        for width in [Some(60), Some(100), Some(200), None] {
            let style = TableStyle { vocabulary: &vocabulary, lang: Lang::Fr, width };
            let whole = sessions_in_parts(&rows, &style, usize::MAX);
            for part in [1, 3, 7] {
                assert_eq!(sessions_in_parts(&rows, &style, part), whole, "{width:?} in parts of {part}");
            }
        }
    }

    #[test]
    fn more_than_two_speakers_shorten() {
        let speakers = ["Nick Young (Isovalent)", "James Strong", "Norwin Schnyder (Airlock)"];
        let mut session =
            Session { speakers: speakers.iter().filter_map(|s| Speaker::parse(s)).collect(), ..Session::default() };
        assert_eq!(speakers_cell(&session), "Nick Young +2");
        session.speakers.truncate(2);
        assert_eq!(speakers_cell(&session), "Nick Young (Isovalent), James Strong");
    }
}
