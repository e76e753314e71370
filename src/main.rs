//! The `notes` binary: parse, run, report.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use notes::cli::Cli;
use notes::error::Error;
use notes::messages;
use notes::model::Lang;

fn main() -> ExitCode {
    // A shell asking for candidates (`COMPLETE=bash notes -- notes show ''`)
    // or for its script (`COMPLETE=bash notes`): answered, then exit.
    clap_complete::CompleteEnv::with_factory(notes::cli::completing).complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let color = notes::use_color(cli.color);
    match notes::run(cli) {
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(err), lang) => {
            report(&err, lang, color);
            ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(1))
        }
    }
}

/// clap's own messages: help and version to stdout as they are, errors to
/// stderr sanitised, since they quote the user's arguments.
fn usage_error(err: &clap::Error) -> ExitCode {
    if !err.use_stderr() {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let text = err.render().to_string();
    let _ = write!(std::io::stderr().lock(), "{}", notes::ui::sanitize_text(&text));
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
}

/// `error: …`, then `caused by: …` and `help: …` where they add something,
/// in the person's language.
fn report(err: &Error, lang: Lang, color: bool) {
    if matches!(err, Error::BrokenPipe) {
        return;
    }
    let paint = |code: &str, text: &str| if color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() };
    let mut stderr = std::io::stderr().lock();
    let message = notes::ui::sanitize_text(&err.message(lang)).into_owned();
    let _ = writeln!(stderr, "{} {message}", paint("1;31", &messages::label_error(lang)));
    for cause in err.causes(lang) {
        let _ =
            writeln!(stderr, "{} {}", paint("1", &messages::label_caused_by(lang)), notes::ui::sanitize_line(&cause));
    }
    if let Some(hint) = err.hint(lang) {
        let _ = writeln!(stderr, "{} {}", paint("1;36", &messages::label_help(lang)), notes::ui::sanitize_line(&hint));
    }
}
