//! Tables for `list` and `event list`, fitted to the terminal width.
//!
//! Widths are counted in terminal columns (a CJK character or an emoji
//! takes two, a combining accent none), the way comfy-table and the
//! terminal count them: counted in characters, a wide cell made the table
//! overflow its width and the terminal wrapped every line of it.

use comfy_table::{ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle as Lines, Width};
use unicode_width::UnicodeWidthStr;

use crate::model::{Event, Lang, Vocabulary};
use crate::render::words::{kind_label, status_label, words};
use crate::render::{Row, time_range};
use crate::ui::sanitize_line;

/// How tables are drawn.
pub struct TableStyle<'a> {
    pub vocabulary: &'a Vocabulary,
    pub lang: Lang,
    /// Fit to this many columns; `None` detects the terminal (no limit in a pipe).
    pub width: Option<u16>,
}

impl TableStyle<'_> {
    fn table(&self, header: Vec<&str>) -> Table {
        let mut table = Table::new();
        // Only a rule under the header: vertical lines cost width that titles need.
        let lines = Lines::new().header_separator(LineStyle::none().fill('─').junction('─'));
        table.load_style(lines).set_content_arrangement(ContentArrangement::Dynamic).set_header(header);
        if let Some(width) = self.width {
            table.set_width(width);
        }
        table
    }
}

/// A column of the sessions table.
struct Column {
    header: &'static str,
    cells: Vec<String>,
    /// Share of the width left by the fixed columns (title 5, speakers 3);
    /// 0 for a column always as wide as its content.
    weight: usize,
    /// Dropped first (lowest) when the terminal is too narrow; `None`: always kept.
    drop_order: Option<u8>,
}

/// Narrowest the flexible columns may get before other columns are dropped.
const MIN_FLEXIBLE_WIDTH: usize = 50;

/// The sessions table. Columns that would say nothing are left out (the
/// event when all rows share one, the day when they share one, an empty
/// room), and on a narrow terminal the least useful ones go first.
pub fn sessions(rows: &[Row<'_>], style: &TableStyle<'_>) -> String {
    let w = words(style.lang);
    let cells = |f: &dyn Fn(&Row<'_>) -> String| rows.iter().map(f).collect::<Vec<_>>();
    let column = |header, cells, weight, drop_order| Column { header, cells, weight, drop_order };
    let several_events = rows.windows(2).any(|pair| pair[0].event.slug != pair[1].event.slug);
    let several_days = several_events || rows.windows(2).any(|pair| pair[0].session.day != pair[1].session.day);
    let any_room = rows.iter().any(|r| r.session.room.is_some());
    let any_time = rows.iter().any(|r| r.session.at.is_some());
    let label = |r: &Row<'_>| r.session.verdict.as_deref().map(|v| style.vocabulary.label(v, style.lang).to_string());
    let mut columns = vec![
        several_events.then(|| column(w.event, cells(&|r| r.event.slug.clone()), 0, Some(5))),
        Some(column(w.id, cells(&|r| r.reference.map_or_else(|| r.session.id.to_string(), str::to_string)), 0, None)),
        several_days.then(|| column(w.day, cells(&|r| r.session.day.to_string()), 0, Some(4))),
        any_time.then(|| column(w.time, cells(&|r| time_range(r.event, r.session)), 0, Some(6))),
        Some(column(w.title, cells(&|r| sanitize_line(&r.session.title).into_owned()), 5, None)),
        Some(column(w.speakers, cells(&|r| sanitize_line(&r.session.speakers_line()).into_owned()), 3, Some(2))),
        any_room.then(|| {
            column(w.room, cells(&|r| sanitize_line(r.session.room.as_deref().unwrap_or("")).into_owned()), 0, Some(1))
        }),
        Some(column(w.kind, cells(&|r| kind_label(r.session.kind, style.lang).to_string()), 0, Some(0))),
        Some(column(w.status, cells(&|r| status(r, style.lang)), 0, Some(3))),
        Some(column(
            w.verdict,
            cells(&|r| label(r).map(|l| sanitize_line(&l).into_owned()).unwrap_or_default()),
            0,
            None,
        )),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    let widths = style.width.map(|width| fit(&mut columns, usize::from(width)));
    // Without its own column, a status that matters (missed, planned…)
    // shows where the verdict would be.
    if !columns.iter().any(|c| c.header == w.status)
        && let Some(verdicts) = columns.iter_mut().find(|c| c.header == w.verdict)
    {
        for (cell, row) in verdicts.cells.iter_mut().zip(rows) {
            if cell.is_empty() && row.session.id != 0 && row.session.status != crate::model::Status::Attended {
                *cell = status(row, style.lang);
            }
        }
    }
    let mut table = style.table(columns.iter().map(|c| c.header).collect());
    for index in 0..rows.len() {
        table.add_row(columns.iter().map(|c| c.cells[index].as_str()).collect::<Vec<_>>());
    }
    for (index, column) in columns.iter().enumerate() {
        let constraint = match widths.as_ref().and_then(|w| w[index]) {
            Some(width) => ColumnConstraint::Absolute(Width::Fixed(width)),
            None if column.weight == 0 => ColumnConstraint::ContentWidth,
            None => continue,
        };
        if let Some(c) = table.column_mut(index) {
            c.set_constraint(constraint);
        }
    }
    table.to_string()
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

/// Terminal columns a column as wide as its content takes, padding included.
fn natural_width(column: &Column) -> usize {
    column.cells.iter().map(|s| s.width()).chain([column.header.width()]).max().unwrap_or(0) + 2
}

/// Fits the table in `width`: drops columns, least useful first, until the
/// fixed ones leave room for the flexible ones, then shares the rest among
/// the flexible columns by weight. Returns each column's width, if forced.
fn fit(columns: &mut Vec<Column>, width: usize) -> Vec<Option<u16>> {
    // One separator character between columns, even when it is blank.
    let fixed = |columns: &[Column]| {
        columns.iter().filter(|c| c.weight == 0).map(natural_width).sum::<usize>() + columns.len().saturating_sub(1)
    };
    while fixed(columns) + MIN_FLEXIBLE_WIDTH > width {
        let Some((_, index)) = columns.iter().enumerate().filter_map(|(i, c)| c.drop_order.map(|o| (o, i))).min()
        else {
            break;
        };
        columns.remove(index);
    }
    let mut left = width.saturating_sub(fixed(columns));
    let mut widths: Vec<Option<usize>> = vec![None; columns.len()];
    // Columns that need less than their share get what they need; the
    // others split what remains, until nothing changes.
    loop {
        let open: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].weight > 0 && widths[i].is_none()).collect();
        let total_weight: usize = open.iter().map(|&i| columns[i].weight).sum();
        if open.is_empty() {
            break;
        }
        let satisfied: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| natural_width(&columns[i]) <= left * columns[i].weight / total_weight)
            .collect();
        if satisfied.is_empty() {
            for &i in &open {
                widths[i] = Some((left * columns[i].weight / total_weight).max(6));
            }
            break;
        }
        for i in satisfied {
            widths[i] = Some(natural_width(&columns[i]));
            left = left.saturating_sub(natural_width(&columns[i]));
        }
    }
    widths.into_iter().map(|w| w.and_then(|w| u16::try_from(w).ok())).collect()
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
    table.to_string()
}
