//! `notes export md|json|ics`: one file per format; this file holds what
//! they share, the output options and how a result is written.

mod bundle;
mod ics;
mod json;
mod md;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::context::Context;
use crate::error::stdout_error;
use crate::error::{Error, Result};
use crate::messages;
use crate::store::{write_output, write_output_with};

const AFTER_HELP: &str = "\
Examples:
  notes export md --day 2 > day2.md
  notes export md --day 2 --lang fr --front-matter yaml -o posts/day-2.md
  notes export md --per-day posts/     # one post per day, linked as a series
  notes export json --all-events > journal.json
  notes export ics --alarm 10 -o kubecon.ics   # the plan for a phone calendar

`notes export md --help`, `notes export json --help` and
`notes export ics --help` show each one's options.";

/// Turn notes into a blog-post draft (md), JSON or a calendar (ics)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ExportArgs {
    #[command(subcommand)]
    format: Format,
}

#[derive(Debug, Subcommand)]
enum Format {
    Md(md::MdArgs),
    Json(json::JsonArgs),
    Ics(ics::IcsArgs),
}

pub fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    match args.format {
        Format::Md(args) => md::run(args, ctx),
        Format::Json(args) => json::run(args, ctx),
        Format::Ics(args) => ics::run(args, ctx),
    }
}

/// Where the export goes.
#[derive(Debug, Args)]
struct OutputArgs {
    /// Write to FILE (atomically) instead of stdout; `-` is stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Overwrite an existing output file
    #[arg(long)]
    force: bool,
}

impl OutputArgs {
    /// The file `--output` names, if it is one (not stdout, not a device).
    fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| !is_stdout(p) && !is_special(p))
    }

    /// Fails if the output file exists and `--force` was not given.
    fn check_free(&self) -> Result<()> {
        match self.file() {
            Some(path) if path.exists() && !self.force => Err(exists_error(path)),
            _ => Ok(()),
        }
    }

    /// `text` to stdout, or to `--output`: a file is replaced atomically
    /// (never an existing one unless `--force`); a device or a pipe
    /// (`/dev/null`, a FIFO) is written to as it is.
    fn emit(&self, text: &str, ctx: &Context) -> Result<()> {
        let Some(path) = self.output.as_deref().filter(|p| !is_stdout(p)) else { return ctx.ui.print(text) };
        if is_special(path) {
            return write_special(path, text);
        }
        if path.exists() && !self.force {
            return Err(exists_error(path));
        }
        write_output(path, text.as_bytes())?;
        ctx.ui.status(&messages::wrote(ctx.lang(), &path.display().to_string()));
        Ok(())
    }
}

impl OutputArgs {
    /// Like [`OutputArgs::emit`], with the text made piece by piece by
    /// `make`, which hands each piece to the function it is given: a
    /// whole journal is never whole in memory. A file is still replaced
    /// atomically, only once the text is complete.
    fn stream(&self, ctx: &Context, make: impl FnOnce(&mut dyn FnMut(&str) -> Result<()>) -> Result<()>) -> Result<()> {
        let Some(path) = self.output.as_deref().filter(|p| !is_stdout(p)) else {
            if ctx.ui.quiet {
                return make(&mut |_| Ok(()));
            }
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            make(&mut |text| out.write_all(text.as_bytes()).map_err(stdout_error))?;
            return out.flush().map_err(stdout_error);
        };
        let write_error = |e| Error::io(messages::cannot_write, path, e);
        if is_special(path) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Error::io(messages::cannot_open, path, e))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            make(&mut |text| out.write_all(text.as_bytes()).map_err(write_error))?;
            return out.flush().map_err(write_error);
        }
        if path.exists() && !self.force {
            return Err(exists_error(path));
        }
        write_output_with(path, |out| make(&mut |text| out.write_all(text.as_bytes()).map_err(write_error)))?;
        ctx.ui.status(&messages::wrote(ctx.lang(), &path.display().to_string()));
        Ok(())
    }
}

fn is_stdout(path: &Path) -> bool {
    path == Path::new("-") || path == Path::new("/dev/stdout")
}

/// Whether `path` is something other than a file: a device, a FIFO, a
/// socket. Replacing it with a file would break it (as root, `/dev/null`).
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir())
}

fn write_special(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut file =
        std::fs::OpenOptions::new().write(true).open(path).map_err(|e| Error::io(messages::cannot_open, path, e))?;
    file.write_all(text.as_bytes()).map_err(|e| Error::io(messages::cannot_write, path, e))
}

fn exists_error(path: &Path) -> Error {
    let path = path.display().to_string();
    Error::user(|lang| messages::already_exists(lang, &path), messages::hint_force)
}
