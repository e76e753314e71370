//! `notes team plan [--day N]`: who of the team goes where.

use clap::Args;

use crate::args::parse_day;
use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::model::team::team_plan;
use crate::render::table;
use crate::ui::sanitize_line;

/// Who of the team goes where on a day: each talk planned or attended, with who, and the keynotes nobody covers
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Day of the event, 1 for the first [default: today's, else the nearest]
    #[arg(short, long, value_name = "N", value_parser = parse_day)]
    day: Option<u32>,
}

pub fn run(args: PlanArgs, ctx: &mut Context) -> Result<()> {
    let file = ctx.load_event()?;
    let event = &file.event;
    let day = match args.day {
        Some(day) => event.check_day(day)?,
        None => event.nearest_day(ctx.now()?),
    };
    let programme = ctx.programme_or_none(event)?;
    let me = ctx.journal()?.team_author().unwrap_or_default();
    let plan = team_plan(&file.sessions, &programme, day, &me);
    let lang = ctx.lang();
    let mut out = if plan.covered.is_empty() {
        format!("{}\n", messages::team_plan_empty(lang, day))
    } else {
        table::team_plan(&plan, event, &ctx.table_style()?)
    };
    if !plan.uncovered_keynotes.is_empty() {
        out.push_str(&format!("\n{}\n", messages::keynotes_nobody_covers(lang)));
        for keynote in &plan.uncovered_keynotes {
            let time = crate::render::time_range(event, keynote);
            let room = keynote.room.as_deref().unwrap_or_default();
            out.push_str(&format!("  {time}  {}  {}\n", sanitize_line(room), sanitize_line(&keynote.title)));
        }
    }
    ctx.ui.print(out.trim_end())
}
