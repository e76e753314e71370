//! `notes export json`: every field of the selected sessions.

use clap::Args;

use super::OutputArgs;
use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::query::{Query, select};
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
    if args.all_events && ctx.event_flag().is_none() {
        return whole_journal(&args, &query, ctx);
    }
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

/// Every event of the journal, streamed: each event is read, made into
/// JSON on one of the cores and written before the next ones are read, so
/// memory holds a few events whatever the journal's size.
fn whole_journal(args: &JsonArgs, query: &Query, ctx: &Context) -> Result<()> {
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    let journal = ctx.journal()?;
    let mut document = json::EventsDocument::default();
    args.output.stream(ctx, |put| {
        journal.stream_where(
            query,
            |slug, file| {
                let file = file.map_err(|e| Box::new((slug, e)))?;
                let rows = select(std::slice::from_ref(&file), query);
                let event = json::event(&file.event, rows.iter().map(|r| r.session), vocabulary, lang);
                Ok(json::EventsDocument::event(&event))
            },
            |made: std::result::Result<String, Box<(String, Error)>>| match made {
                Ok(text) => {
                    put(document.before_event())?;
                    put(&text)
                }
                Err(failed) => {
                    let (slug, err) = *failed;
                    ctx.ui.warn(lang, &messages::skipping_event(lang, &slug, &err.with_causes(lang)));
                    Ok(())
                }
            },
        )?;
        put(document.finish())
    })
}
