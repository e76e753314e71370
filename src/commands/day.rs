//! `notes day N`: the label, intro and conclusion of a day's post.

use clap::Args;

use crate::args::{parse_day, parse_heading};
use crate::context::Context;
use crate::error::Result;
use crate::render::show;

const AFTER_HELP: &str = "\
Examples:
  notes day 1 --label \"Colocated events\"
  notes day 2 --intro \"Second day, rooms full from 9 am.\"
  notes day 2 --conclusion \"\"     # an empty text removes it
  notes day 1 --url https://blog.example.org/kcd/   # published elsewhere
  notes day 3 --title \"Le (vrai) premier jour\"
  notes day 2                        # shows the day";

/// Set a day's label, intro and conclusion (for the day's post)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct DayArgs {
    /// The day, 1 for the first
    #[arg(value_parser = parse_day)]
    day: u32,

    /// A short name for the day, used in titles ("Jeudi", "Colocated events")
    #[arg(long)]
    label: Option<String>,

    /// The day's post title, instead of "Event — Day N"
    #[arg(long)]
    title: Option<String>,

    /// Where the day's post is published, when it is made elsewhere (it joins the series)
    #[arg(long, value_name = "URL")]
    url: Option<String>,

    /// A paragraph for the talks you wished you had seen (Markdown)
    #[arg(long, allow_hyphen_values = true)]
    wished: Option<String>,

    /// Rename a section heading of the day's post: SECTION=TEXT (SECTION= leaves it out, SECTION alone restores it); sections: keynotes, talks, wished, meetings, to_try, conclusion
    #[arg(long, value_name = "SECTION=TEXT", value_parser = parse_heading)]
    heading: Vec<(String, Option<String>)>,

    /// The opening paragraph of the day's post (Markdown)
    #[arg(long, allow_hyphen_values = true)]
    intro: Option<String>,

    /// The closing paragraph of the day's post (Markdown)
    #[arg(long, allow_hyphen_values = true)]
    conclusion: Option<String>,
}

pub fn run(args: DayArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let fields = [&args.label, &args.title, &args.url, &args.intro, &args.wished, &args.conclusion];
    if fields.iter().all(|f| f.is_none()) && args.heading.is_empty() {
        let file = ctx.journal()?.load(&slug)?;
        file.event.check_day(args.day)?;
        return ctx.ui.print(&show::day(&file.event, args.day, ctx.lang()));
    }
    let event = ctx.update_event(&slug, |doc| {
        let day = doc.event().check_day(args.day)?;
        let mut notes = doc.event().days.get(&day).cloned().unwrap_or_default();
        for (field, value) in [
            (&mut notes.label, args.label),
            (&mut notes.title, args.title),
            (&mut notes.url, args.url),
            (&mut notes.intro, args.intro),
            (&mut notes.wished, args.wished),
            (&mut notes.conclusion, args.conclusion),
        ] {
            if let Some(value) = value {
                *field = Some(value).filter(|v| !v.trim().is_empty());
            }
        }
        for (section, heading) in &args.heading {
            match heading {
                Some(text) => notes.headings.insert(section.clone(), text.clone()),
                None => notes.headings.remove(section),
            };
        }
        doc.put_day(day, notes)?;
        Ok(doc.event().clone())
    })?;
    ctx.ui.print(&show::day(&event, args.day, ctx.lang()))
}
