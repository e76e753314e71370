//! `notes export md`: the blog-post draft, one post or one per day.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{OutputArgs, exists_error};
use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{EventFile, Session};
use crate::query::{DaySel, select};
use crate::render::markdown::{self, BUILTIN_TEMPLATE, FrontMatter, PostInput, SeriesPost, Template};
use crate::store::{read_small, write_output};

const AFTER_HELP: &str = "\
Examples:
  notes export md --day 2 > day2.md
  notes export md --day 2 --lang fr --front-matter yaml --output content/posts/kubecon-day-2.md
  notes export md --per-day posts/           # one post per day, linked as a series
  notes export md --print-template > my-post.md.j2
  notes export md --day 2 --template my-post.md.j2

Without --day, the whole event is one post. Filters work as in `notes list`.";

/// A blog-post draft of the event, or of some days
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct MdArgs {
    #[command(flatten)]
    output: OutputArgs,

    /// Front matter for Hugo, Jekyll…
    #[arg(long, value_enum, default_value_t = FrontMatterArg::None)]
    front_matter: FrontMatterArg,

    /// Render this template (minijinja) instead of the built-in one
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    /// Print the built-in template and exit
    #[arg(long)]
    print_template: bool,

    /// Write one post per day into DIR, linked as a series
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    per_day: Option<PathBuf>,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FrontMatterArg {
    Yaml,
    Toml,
    None,
}

pub fn run(args: MdArgs, ctx: &mut Context) -> Result<()> {
    if args.print_template {
        return ctx.ui.print(BUILTIN_TEMPLATE);
    }
    let template_source = read_template(&args, ctx)?;
    let template_name = args
        .template
        .as_ref()
        .or(ctx.config()?.template.as_ref())
        .map_or_else(|| messages::builtin_template(ctx.lang()), |p| p.display().to_string());
    let template = Template { name: &template_name, source: template_source.as_deref().unwrap_or(BUILTIN_TEMPLATE) };
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    let query = args.filter.query(vocabulary, || ctx.today())?;
    let file = ctx.load_event()?;
    for day in &query.days {
        if let DaySel::Number(n) = day {
            file.event.check_day(*n)?;
        }
    }
    let days: Vec<u32> = (1..=file.event.day_count()).filter(|&d| query.includes_day(&file.event, d)).collect();
    if days.is_empty() {
        let (start, end) = (file.event.start.to_string(), file.event.end.to_string());
        return Err(Error::user(
            |lang| messages::no_day_asked(lang, &file.event.slug),
            |lang| messages::hint_days_run(lang, &start, &end),
        ));
    }
    let sessions: Vec<_> = select(std::slice::from_ref(&file), &query).into_iter().map(|r| r.session).collect();
    let front_matter = match args.front_matter {
        FrontMatterArg::Yaml => FrontMatter::Yaml,
        FrontMatterArg::Toml => FrontMatter::Toml,
        FrontMatterArg::None => FrontMatter::None,
    };
    let author = ctx.config()?.author.as_deref();
    let input = |days: Vec<u32>| PostInput {
        event: &file.event,
        sessions: sessions.clone(),
        days,
        vocabulary,
        lang,
        front_matter,
        author,
    };
    if let Some(dir) = &args.per_day {
        return per_day(dir, &file, &days, &sessions, args.output.force, &input, &template, ctx);
    }
    let post = markdown::build(&input(days));
    let text = markdown::render(&post, &template)?;
    args.output.emit(&text, ctx)
}

/// The template named by `--template`, else by `template` in config.
fn read_template(args: &MdArgs, ctx: &Context) -> Result<Option<String>> {
    let Some(path) = args.template.as_ref().or(ctx.config()?.template.as_ref()) else { return Ok(None) };
    read_small(path).map(Some).map_err(|e| Error::io(messages::cannot_read_template, path, e))
}

#[allow(clippy::too_many_arguments)]
fn per_day<'a>(
    dir: &Path,
    file: &EventFile,
    days: &[u32],
    sessions: &[&Session],
    force: bool,
    input: &dyn Fn(Vec<u32>) -> PostInput<'a>,
    template: &Template<'_>,
    ctx: &Context,
) -> Result<()> {
    let event = &file.event;
    // A day with nothing to say gets no post.
    let days: Vec<u32> = days
        .iter()
        .copied()
        .filter(|d| {
            sessions.iter().any(|s| s.day == *d)
                || event.days.get(d).is_some_and(|n| n.intro.is_some() || n.conclusion.is_some())
        })
        .collect();
    let posts: Vec<SeriesPost> = days
        .iter()
        .map(|d| SeriesPost {
            title: markdown::escape_inline(&markdown::post_title(event, &[*d], ctx.lang())),
            file: format!("{}-day-{d}.md", event.slug),
            current: false,
        })
        .collect();
    let paths: Vec<PathBuf> = posts.iter().map(|p| dir.join(&p.file)).collect();
    if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(exists_error(existing));
    }
    let mut rendered = Vec::new();
    for (position, day) in days.iter().enumerate() {
        let mut post = markdown::build(&input(vec![*day]));
        post.series = Some(markdown::series(&posts, position, ctx.lang()));
        rendered.push(markdown::render(&post, template)?);
    }
    for (path, text) in paths.iter().zip(&rendered) {
        write_output(path, text.as_bytes())?;
    }
    ctx.ui.status(&messages::wrote_posts(ctx.lang(), rendered.len(), &dir.display().to_string()));
    Ok(())
}
