//! `notes export md|json`: the blog-post draft, or every field as JSON.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::cli::FilterArgs;
use crate::commands::Context;
use crate::commands::list::{load_all, select};
use crate::error::{Error, Result};
use crate::render::json;
use crate::render::markdown::{self, BUILTIN_TEMPLATE, FrontMatter, PostInput, Series, SeriesPost, Template};
use crate::store::{EventFile, atomic};

const AFTER_HELP: &str = "\
Examples:
  notes export md --day 2 > day2.md
  notes export md --day 2 --lang fr --front-matter yaml --output content/posts/kubecon-day-2.md
  notes export md --per-day posts/           # one post per day, linked as a series
  notes export md --print-template > my-post.md.j2
  notes export md --day 2 --template my-post.md.j2
  notes export json --all-events > journal.json

Without --day, the whole event is one post. Filters work as in `notes list`.";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ExportArgs {
    /// md: a blog-post draft; json: every field of the selected sessions
    #[arg(value_enum)]
    format: Format,

    /// Write to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Overwrite an existing output file
    #[arg(long)]
    force: bool,

    /// md: front matter for Hugo, Jekyll…
    #[arg(long, value_enum, default_value_t = FrontMatterArg::None)]
    front_matter: FrontMatterArg,

    /// md: render this template (minijinja) instead of the built-in one
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    /// md: print the built-in template and exit
    #[arg(long)]
    print_template: bool,

    /// md: write one post per day into DIR, linked as a series
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    per_day: Option<PathBuf>,

    /// json: export every event of the journal
    #[arg(long, short = 'a')]
    all_events: bool,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FrontMatterArg {
    Yaml,
    Toml,
    None,
}

pub fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    if args.format == Format::Json {
        return export_json(&args, ctx);
    }
    if args.all_events {
        return Err(Error::usage(
            "--all-events only applies to `export json`",
            "export one event at a time: --event SLUG",
        ));
    }
    if args.print_template {
        return ctx.ui.print(BUILTIN_TEMPLATE);
    }
    let template_source = read_template(&args, ctx)?;
    let template_name = args
        .template
        .as_ref()
        .or(ctx.config.template.as_ref())
        .map_or_else(|| "built-in template".to_string(), |p| p.display().to_string());
    let template = Template { name: &template_name, source: template_source.as_deref().unwrap_or(BUILTIN_TEMPLATE) };
    let query = ctx.query(&args.filter)?;
    let file = ctx.load_event()?;
    let days = match &args.filter.day {
        days if days.is_empty() => (1..=file.event.day_count()).collect(),
        days => days.iter().map(|d| file.event.check_day(*d)).collect::<Result<Vec<_>>>()?,
    };
    let sessions: Vec<_> = select(std::slice::from_ref(&file), &query).into_iter().map(|r| r.session).collect();
    let front_matter = match args.front_matter {
        FrontMatterArg::Yaml => FrontMatter::Yaml,
        FrontMatterArg::Toml => FrontMatter::Toml,
        FrontMatterArg::None => FrontMatter::None,
    };
    let input = |days: Vec<u32>| PostInput {
        event: &file.event,
        sessions: sessions.clone(),
        days,
        vocabulary: &ctx.vocabulary,
        lang: ctx.lang,
        front_matter,
        author: ctx.config.author.as_deref(),
    };
    if let Some(dir) = &args.per_day {
        return per_day(dir, &file, &days, &sessions, args.force, &input, &template, ctx);
    }
    let post = markdown::build(&input(days));
    let text = markdown::render(&post, &template).map_err(template_error)?;
    emit(&text, args.output.as_deref(), args.force, ctx)
}

/// The template named by `--template`, else by `template` in config.
fn read_template(args: &ExportArgs, ctx: &Context) -> Result<Option<String>> {
    let Some(path) = args.template.as_ref().or(ctx.config.template.as_ref()) else { return Ok(None) };
    crate::store::read_small(path).map(Some).map_err(|e| Error::io("read the template", path, e))
}

fn template_error(message: String) -> Error {
    Error::Rejected { what: "template".into(), message }
}

#[allow(clippy::too_many_arguments)]
fn per_day<'a>(
    dir: &Path,
    file: &EventFile,
    days: &[u32],
    sessions: &[&crate::model::Session],
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
            title: markdown::escape_inline(&markdown::post_title(event, &[*d], ctx.lang)),
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
        post.series = Some(series(&posts, position, ctx));
        rendered.push(markdown::render(&post, template).map_err(template_error)?);
    }
    for (path, text) in paths.iter().zip(&rendered) {
        atomic::write_shared(path, text.as_bytes())?;
    }
    ctx.ui.status(&format!("Wrote {} posts to {}", rendered.len(), dir.display()));
    Ok(())
}

fn series(posts: &[SeriesPost], position: usize, ctx: &Context) -> Series {
    let posts: Vec<SeriesPost> =
        posts.iter().enumerate().map(|(i, p)| SeriesPost { current: i == position, ..p.clone() }).collect();
    let links: Vec<String> =
        posts.iter().map(|p| if p.current { p.title.clone() } else { format!("[{}]({})", p.title, p.file) }).collect();
    let text = match ctx.lang {
        crate::model::Lang::Fr => {
            format!("Cet article fait partie d'une série de {} articles\u{a0}: {}.", posts.len(), links.join(", "))
        }
        crate::model::Lang::En => {
            format!("This post is part of a series of {} posts: {}.", posts.len(), links.join(", "))
        }
    };
    Series { total: posts.len(), position: position + 1, posts, text }
}

fn export_json(args: &ExportArgs, ctx: &mut Context) -> Result<()> {
    if args.template.is_some()
        || args.print_template
        || args.per_day.is_some()
        || args.front_matter != FrontMatterArg::None
    {
        return Err(Error::usage(
            "--template, --print-template, --per-day and --front-matter only apply to `export md`",
            "notes export md …",
        ));
    }
    let query = ctx.query(&args.filter)?;
    let files = if args.all_events && ctx.event_flag.is_none() { load_all(ctx)? } else { vec![ctx.load_event()?] };
    let events: Vec<_> = files
        .iter()
        .map(|f| {
            let rows = select(std::slice::from_ref(f), &query);
            json::event(&f.event, rows.iter().map(|r| r.session), &ctx.vocabulary, ctx.lang)
        })
        .collect();
    let text = json::to_string(&serde_json::json!({ "schema": 1, "events": events }));
    emit(&text, args.output.as_deref(), args.force, ctx)
}

/// To stdout, or atomically to `output` (never over an existing file unless `force`).
fn emit(text: &str, output: Option<&Path>, force: bool, ctx: &Context) -> Result<()> {
    let Some(path) = output else { return ctx.ui.print(text) };
    if path.exists() && !force {
        return Err(exists_error(path));
    }
    atomic::write_shared(path, text.as_bytes())?;
    ctx.ui.status(&format!("Wrote {}", path.display()));
    Ok(())
}

fn exists_error(path: &Path) -> Error {
    Error::usage(format!("{} already exists", path.display()), "pass --force to overwrite it")
}
