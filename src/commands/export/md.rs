//! `notes export md`: the blog-post draft, one post or one per day.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::bundle::{self, PictureArgs, Pictures, Placement};
use super::{OutputArgs, exists_error};
use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, EventFile, Lang};
use crate::query::{DaySel, Query, select};
use crate::render::markdown::{self, BUILTIN_TEMPLATE, FrontMatter, PostInput, SeriesPost, Template};
use crate::render::words::words;
use crate::store::{read_small, write_output};

const AFTER_HELP: &str = "\
Examples:
  notes export md --day 2 > day2.md
  notes export md --day 2 --lang fr --front-matter yaml -o posts/day-2.md
  notes export md --per-day posts/     # one post per day, linked as a series
  notes export md --per-day content/posts/ --bundle   # Hugo page bundles
  notes export md --all-events > journal.md   # every event, one post each
  notes export md --print-template > my-post.md.j2
  notes export md --day 2 --template my-post.md.j2

Without --day, the whole event is one post. Filters work as in `notes list`.
With --per-day, the pictures of the notes are copied web-sized (no EXIF,
no GPS) beside the posts: into each day's bundle with --bundle, else into
DIR/images/. A post on stdout or in one file links to the journal's copies.";

/// A blog-post draft of the event, or of some days
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct MdArgs {
    #[command(flatten)]
    output: OutputArgs,

    /// Front matter for Hugo, Jekyll…
    #[arg(long, value_enum, default_value_t = FrontMatterArg::None)]
    front_matter: FrontMatterArg,

    /// Open the post with its numbers in one line (talks seen, missed, rooms, organisations, the programme's size)
    #[arg(long)]
    figures: bool,

    /// Mark the post a draft in its front matter (a plain `hugo` then builds no page of it)
    #[arg(long, requires = "front_matter")]
    draft: bool,

    /// Render this template (minijinja) instead of the built-in one
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    /// The post's title, instead of the event's name or the day's title
    #[arg(long, conflicts_with = "per_day")]
    title: Option<String>,

    /// One outline for all the days: keynotes together, then your sections (`add --section`), the talks…, without a heading per day
    #[arg(long)]
    by_section: bool,

    /// Print the built-in template and exit
    #[arg(long)]
    print_template: bool,

    /// Where the series' other posts are read: a pattern with {slug}, {day}, {date}, {year} [default: ../{slug}-day-{day}/, or series_url in config]
    #[arg(long, value_name = "PATTERN")]
    series_url: Option<String>,

    /// Export every event of the journal, one post after another
    #[arg(long, short = 'a', conflicts_with_all = ["per_day", "front_matter"])]
    all_events: bool,

    /// Write one post per day into DIR, linked as a series
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    per_day: Option<PathBuf>,

    #[command(flatten)]
    pictures: PictureArgs,

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
    let query = args.filter.query(ctx.vocabulary()?, || ctx.today())?;
    if args.all_events && ctx.event_flag().is_none() {
        return whole_journal(&args, &query, &template, ctx);
    }
    let file = ctx.load_event()?;
    match post(&args, &file, &query, &template, false, ctx)? {
        Some(text) => args.output.emit(&text, ctx),
        None => Ok(()),
    }
}

/// Every event's post, one after another in one document (each opens
/// with its title), streamed: events are read and their posts made on
/// every core (each with a context of its own, made from the same
/// settings) while the previous ones are written, and memory holds a few
/// events whatever the journal's size. An event with no day or session
/// asked for is left out.
fn whole_journal(args: &MdArgs, query: &Query, template: &Template<'_>, ctx: &Context) -> Result<()> {
    let lang = ctx.lang();
    let settings = ctx.settings();
    let mut posts = 0;
    args.output.stream(ctx, |put| {
        // Every session of each event, as `--event` reads it: the days of
        // a post's series are those with sessions, selected or not.
        ctx.journal()?.stream_where(
            &Query::default(),
            |slug, file| -> Result<Made> {
                let file = match file {
                    Ok(file) => file,
                    Err(err) => return Ok(Made::Unreadable(slug, Box::new(err))),
                };
                let own = Context::new(settings.clone());
                Ok(Made::Post(post(args, &file, query, template, true, &own)?))
            },
            |made| match made? {
                Made::Unreadable(slug, err) => {
                    ctx.ui.warn(lang, &messages::skipping_event(lang, &slug, &err.with_causes(lang)));
                    Ok(())
                }
                Made::Post(None) => Ok(()),
                Made::Post(Some(text)) => {
                    if posts > 0 {
                        put("\n")?;
                    }
                    posts += 1;
                    put(&text)?;
                    if text.ends_with('\n') { Ok(()) } else { put("\n") }
                }
            },
        )
    })?;
    if posts == 0 {
        ctx.ui.status(words(lang).no_sessions);
    }
    Ok(())
}

/// What became of an event in a whole-journal export.
enum Made {
    Post(Option<String>),
    Unreadable(String, Box<Error>),
}

/// The post of `file`'s sessions that `query` selects, or with
/// `--per-day` the posts written; in a whole-journal export (`among`),
/// `None` for an event with nothing asked for, which alone is an error.
fn post(
    args: &MdArgs,
    file: &EventFile,
    query: &Query,
    template: &Template<'_>,
    among: bool,
    ctx: &Context,
) -> Result<Option<String>> {
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    for day in &query.days {
        if let DaySel::Number(n) = day
            && let Err(err) = file.event.check_day(*n)
        {
            return if among { Ok(None) } else { Err(err) };
        }
    }
    let asked: Vec<u32> = (1..=file.event.day_count()).filter(|&d| query.includes_day(&file.event, d)).collect();
    if asked.is_empty() {
        if among {
            return Ok(None);
        }
        let (start, end) = (file.event.start.to_string(), file.event.end.to_string());
        return Err(Error::user(
            |lang| messages::no_day_asked(lang, &file.event.slug),
            |lang| messages::hint_days_run(lang, &start, &end),
        ));
    }
    let sessions: Vec<_> = select(std::slice::from_ref(file), query).into_iter().map(|r| r.session).collect();
    if among && sessions.is_empty() {
        return Ok(None);
    }
    let placement = placement(args)?;
    let (relinked, pictures) = bundle::prepare(ctx, &file.event, &sessions, placement, &args.pictures)?;
    let sessions: Vec<_> = relinked.iter().collect();
    // A day with nothing to say gets no section (a day asked for alone
    // still gets its post, empty or not).
    let has_something = |d: &u32| sessions.iter().any(|s| s.day == *d) || has_own_text(&file.event, *d);
    let days: Vec<u32> = if asked.len() == 1 { asked } else { asked.into_iter().filter(has_something).collect() };
    let front_matter = match args.front_matter {
        FrontMatterArg::Yaml => FrontMatter::Yaml,
        FrontMatterArg::Toml => FrontMatter::Toml,
        FrontMatterArg::None => FrontMatter::None,
    };
    let author = ctx.config()?.author.as_deref();
    let headings = &ctx.config()?.headings;
    // The programme's size, for the post's numbers; a broken one counts none.
    // Reading it costs more than the rest of the export: only when the
    // numbers are shown, or a template of one's own may show them.
    let wants_programme = args.figures || template.source.contains("programme");
    let programme = if wants_programme { ctx.journal()?.schedule(&file.event).unwrap_or_default() } else { Vec::new() };
    let input = |days: Vec<u32>| PostInput {
        programme: programme.iter().filter(|t| days.contains(&t.day)).count(),
        event: &file.event,
        sessions: sessions.clone(),
        days,
        vocabulary,
        lang,
        front_matter,
        author,
        draft: args.draft,
        figures_line: args.figures,
        headings,
        by_section: args.by_section,
        title: args.title.clone(),
    };
    let pattern = args.series_url.as_deref().or(ctx.config()?.series_url.as_deref()).unwrap_or(DEFAULT_SERIES_URL);
    let series = series_posts(file, pattern, lang);
    if let Some(dir) = &args.per_day {
        let layout = (&args.pictures, &pictures);
        per_day(dir, file, &days, &series, args.output.force, layout, &input, template, ctx)?;
        return Ok(None);
    }
    let mut post = markdown::build(&input(days.clone()));
    // A day's post names the others of its series.
    if let [day] = days[..]
        && series.len() > 1
        && let Some(position) = series.iter().position(|(d, _)| *d == day)
    {
        let posts: Vec<SeriesPost> = series.into_iter().map(|(_, p)| p).collect();
        post.series = Some(markdown::series(&posts, position, lang));
    }
    let text = markdown::render(&post, template)?;
    if placement == Placement::BesideThePost
        && let Some(folder) = args.output.file().and_then(Path::parent)
    {
        // The pictures first: a post never links to a picture not yet there.
        args.output.check_free()?;
        pictures.write(folder, ctx)?;
    }
    Ok(Some(text))
}

/// Where the pictures go: `--bundle` wants a folder of posts or a file.
fn placement(args: &MdArgs) -> Result<Placement> {
    match (args.per_day.is_some(), args.pictures.bundle, args.output.file().is_some()) {
        (true, _, _) => Ok(Placement::PerDay),
        (false, true, true) => Ok(Placement::BesideThePost),
        (false, true, false) => Err(Error::usage(messages::bundle_needs_a_place, messages::hint_bundle_place)),
        (false, false, _) => Ok(Placement::InTheJournal),
    }
}

/// The template named by `--template`, else by `template` in config.
fn read_template(args: &MdArgs, ctx: &Context) -> Result<Option<String>> {
    let Some(path) = args.template.as_ref().or(ctx.config()?.template.as_ref()) else { return Ok(None) };
    read_small(path).map(Some).map_err(|e| Error::io(messages::cannot_read_template, path, e))
}

/// Where a day's post is read when nothing else says: beside this one,
/// as Hugo and most sites make pretty URLs of `<slug>-day-N.md`.
const DEFAULT_SERIES_URL: &str = "../{slug}-day-{day}/";

/// Whether the person wrote something of their own for day `day`.
fn has_own_text(event: &Event, day: u32) -> bool {
    event.days.get(&day).is_some_and(|n| n.intro.is_some() || n.conclusion.is_some() || n.wished.is_some())
}

/// The event's series: every day with something to post, or published
/// elsewhere (`notes day N --url`), each with the address it is read at:
/// its own URL, else `pattern` with `{slug}`, `{day}`, `{date}`, `{year}`.
fn series_posts(file: &EventFile, pattern: &str, lang: Lang) -> Vec<(u32, SeriesPost)> {
    let event = &file.event;
    (1..=event.day_count())
        .filter_map(|day| {
            let own_url = event.days.get(&day).and_then(|n| n.url.clone());
            let written = file.sessions.iter().any(|s| s.day == day) || has_own_text(event, day);
            if !written && own_url.is_none() {
                return None;
            }
            let date = event.date_of(day).unwrap_or(event.start);
            let url = own_url.unwrap_or_else(|| {
                pattern
                    .replace("{slug}", &event.slug)
                    .replace("{day}", &day.to_string())
                    .replace("{date}", &date.to_string())
                    .replace("{year}", &event.year().to_string())
            });
            let title = markdown::escape_inline(&markdown::post_title(event, &[day], lang));
            Some((day, SeriesPost { title, url, current: false }))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn per_day<'a>(
    dir: &Path,
    file: &EventFile,
    days: &[u32],
    series: &[(u32, SeriesPost)],
    force: bool,
    (layout, pictures): (&PictureArgs, &Pictures),
    input: &dyn Fn(Vec<u32>) -> PostInput<'a>,
    template: &Template<'_>,
    ctx: &Context,
) -> Result<()> {
    let event = &file.event;
    let paths: Vec<PathBuf> = days.iter().map(|d| layout.post_path(dir, &event.slug, *d)).collect();
    if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(exists_error(existing));
    }
    let posts: Vec<SeriesPost> = series.iter().map(|(_, p)| p.clone()).collect();
    let mut rendered = Vec::new();
    for day in days {
        let mut post = markdown::build(&input(vec![*day]));
        if let Some(position) = series.iter().position(|(d, _)| d == day).filter(|_| posts.len() > 1) {
            post.series = Some(markdown::series(&posts, position, ctx.lang()));
        }
        rendered.push(markdown::render(&post, template)?);
    }
    // The pictures first: a post never links to a picture not yet there.
    let copies = pictures.write(dir, ctx)?;
    for (path, text) in paths.iter().zip(&rendered) {
        write_output(path, text.as_bytes())?;
    }
    let (lang, shown) = (ctx.lang(), dir.display().to_string());
    ctx.ui.status(&match copies {
        0 => messages::wrote_posts(lang, rendered.len(), &shown),
        _ => messages::wrote_posts_and_pictures(lang, rendered.len(), copies, &shown),
    });
    Ok(())
}
