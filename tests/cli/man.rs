//! `notes man`: the top page on stdout, or a page per subcommand in a
//! directory, each a roff page that names its command.

use std::collections::BTreeSet;
use std::fs;

use clap::{Command, CommandFactory};

use crate::common::TestEnv;

/// The page names of `command` and its subcommands: `notes`,
/// `notes-event`, `notes-event-add`… (clap's `help` has none).
fn page_names(command: &Command, name: &str) -> Vec<String> {
    let mut names = vec![name.to_string()];
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help" && !sub.is_hide_set()) {
        names.extend(page_names(sub, &format!("{name}-{}", sub.get_name())));
    }
    names
}

/// roff escapes dashes in text: `notes\-event\-add`.
fn roff(text: &str) -> String {
    text.replace('-', "\\-")
}

#[test]
fn the_top_page_goes_to_stdout_and_names_the_subcommand_pages() {
    let env = TestEnv::new();
    let page = env.ok(["man"]);
    assert!(page.lines().any(|l| l.starts_with(".TH notes 1 ")), "{page}");
    assert!(page.contains("notes\\-export(1)"), "{page}");
    assert!(!page.contains("notes\\-help(1)"), "clap's help has no page: {page}");
}

#[test]
fn output_dir_writes_a_page_per_subcommand() {
    let env = TestEnv::new();
    let dir = env.root.path().join("man/man1");
    let out = env.cmd(["man", "--output-dir", dir.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    assert!(out.stdout.is_empty());
    let names = page_names(&notes::cli::Cli::command(), "notes");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).replace(env.root.path().to_str().unwrap(), "[TMP]"),
        format!("Wrote {} man pages to [TMP]/man/man1\n", names.len())
    );
    let files: BTreeSet<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    let expected: BTreeSet<String> = names.iter().map(|n| format!("{n}.1")).collect();
    assert_eq!(files, expected);
    for name in ["notes-event-add", "notes-export-md", "notes-add"] {
        assert!(files.contains(&format!("{name}.1")), "{name}");
    }
    for name in &names {
        let page = fs::read_to_string(dir.join(format!("{name}.1"))).unwrap();
        let title = page.lines().find(|l| l.starts_with(".TH ")).unwrap_or_else(|| panic!("{name}: no .TH"));
        assert!(title.starts_with(&format!(".TH {name} 1 ")), "{name}: {title}");
        assert!(title.contains("\"notes 0.1.0\""), "{name}: {title}");
        let after_name = page.split(".SH NAME\n").nth(1).unwrap_or_else(|| panic!("{name}: no NAME"));
        assert!(after_name.starts_with(&format!("{} \\- ", roff(name))), "{name}: {after_name}");
        let command = name.replace('-', " ");
        assert!(page.contains(&format!("\\fB{}\\fR", roff(&command))), "{name}: synopsis names `{command}`");
    }
    // The top page is the one `notes man` prints; writing again replaces.
    assert_eq!(fs::read_to_string(dir.join("notes.1")).unwrap(), env.ok(["man"]));
    env.ok(["man", "--output-dir", dir.to_str().unwrap()]);
}

#[test]
fn output_dir_that_is_a_file_is_an_error() {
    let env = TestEnv::new();
    let file = env.root.path().join("file");
    fs::write(&file, "x").unwrap();
    let out = env.cmd(["man", "--output-dir", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", env.describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "), "{}", env.describe(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
}
