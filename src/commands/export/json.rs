//! `notes export json`: every field of the selected sessions.

use clap::Args;

use super::OutputArgs;
use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::Result;
use crate::query::select;
use crate::render::json;

const AFTER_HELP: &str = "\
Examples:
  notes export json --day 2 > day2.json
  notes export json --all-events > journal.json

The shape is documented in the README, section \"JSON\". Filters work as in
`notes list`.";

/// Every field of the selected sessions, as JSON
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct JsonArgs {
    #[command(flatten)]
    output: OutputArgs,

    /// Export every event of the journal
    #[arg(long, short = 'a')]
    all_events: bool,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: JsonArgs, ctx: &mut Context) -> Result<()> {
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    let query = args.filter.query(vocabulary, || ctx.today())?;
    let files = if args.all_events { ctx.load_flagged_or_all_where(&query)? } else { vec![ctx.load_event()?] };
    let events: Vec<_> = files
        .iter()
        .map(|f| {
            let rows = select(std::slice::from_ref(f), &query);
            json::event(&f.event, rows.iter().map(|r| r.session), vocabulary, lang)
        })
        .collect();
    let text = json::to_string(&serde_json::json!({ "schema": 1, "events": events }));
    args.output.emit(&text, ctx)
}
