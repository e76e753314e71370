//! A journal shared by a team: the journal folder is a git repository.
//!
//! What is per machine (state, locks, temp files, who this clone's author
//! is: every hidden file) is ignored by git. Event files are merged by
//! meaning by a merge driver that git calls (`notes team merge`): sessions
//! by identity, notes as text, so two people's jots never conflict and a
//! merged file always reads. `sync` commits, fetches, merges and pushes,
//! and never leaves the repository in the middle of a merge.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::messages::{self, Text};
use crate::model::team::{Side, merge_event, merge_sessions, merged_dates};
use crate::model::{DayNotes, Event, Lang, Session};
use crate::store::journal::{EventDoc, Journal};
use crate::store::{atomic, read_regular};

/// Who writes in this clone; per machine, so hidden (and ignored by git).
const TEAM_FILE: &str = ".notes-team.toml";

/// Every hidden file is per machine: state, locks, temp files, the clone's
/// author. The event files, schedules and pictures are shared.
const GITIGNORE: &str = "\
# Per machine, never shared: state, locks, temp files, this clone's author.
.*
!.gitignore
!.gitattributes
";

/// Event files and schedules are merged by notes, by meaning.
const GITATTRIBUTES: &str = "*.toml merge=notes\n";

/// The branch a team shares.
const BRANCH: &str = "main";

/// How many times a push refused because someone pushed first is retried.
const PUSH_ATTEMPTS: usize = 5;

#[derive(Debug, Default, Serialize, Deserialize)]
struct TeamFile {
    author: String,
}

/// What taking the others' commits in did.
enum Integrated {
    /// This many commits came in.
    Received(usize),
    /// The journal changed since the commit (a jot): nothing was taken in.
    ChangedMeanwhile,
}

/// What `sync` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Whether a commit of this clone's changes was made.
    pub committed: bool,
    /// Commits received from the others.
    pub received: usize,
    /// Whether the remote now has everything of this clone.
    pub pushed: bool,
    /// The remote could not be reached: the commit waits here.
    pub offline: bool,
    /// No remote is set: the journal is versioned here only.
    pub no_remote: bool,
    /// An interrupted merge found and undone before syncing.
    pub recovered: bool,
}

impl Journal {
    /// The author of this clone, when the journal is a team's.
    pub fn team_author(&self) -> Option<String> {
        let text = read_regular(&self.dir().join(TEAM_FILE)).ok()?;
        toml::from_str::<TeamFile>(&text).ok().map(|t| t.author).filter(|a| !a.trim().is_empty())
    }

    /// Makes the journal a team's git repository (or this clone of one):
    /// ignore and merge rules, the merge driver, the author, and a first
    /// commit of what is there, every session given an identity and its
    /// author. `remote`, when given, is where the team shares it.
    pub fn team_init(&self, author: &str, remote: Option<&str>, lang: Lang) -> Result<()> {
        atomic::create_private_dir(self.dir())?;
        if !self.dir().join(".git").exists() {
            self.git(&["init", "--quiet", "--initial-branch", BRANCH])?;
        }
        self.configure_clone(author)?;
        atomic::write_shared(&self.dir().join(".gitignore"), GITIGNORE.as_bytes())?;
        atomic::write_shared(&self.dir().join(".gitattributes"), GITATTRIBUTES.as_bytes())?;
        for slug in self.slugs()? {
            self.update(&slug, |doc| doc.give_identities(author))?;
        }
        if let Some(remote) = remote {
            let _ = self.git(&["remote", "remove", "origin"]);
            self.git(&["remote", "add", "origin", remote])?;
        }
        self.commit(&messages::commit_team_init(lang, author))?;
        // Shared at once, so that whoever joins finds the rules (ignore,
        // merge). A remote that has a journal already is joined, not made.
        if remote.is_some() && self.git(&["fetch", "--quiet", "origin"]).is_ok() {
            if self.git_value(&["rev-parse", "--verify", "--quiet", &format!("origin/{BRANCH}")]).is_some() {
                return Err(Error::user(messages::remote_has_a_journal, messages::hint_join_instead));
            }
            self.git(&["push", "--quiet", "origin", &format!("HEAD:{BRANCH}")])?;
        }
        Ok(())
    }

    /// Clones the team's journal from `remote` into the (new or empty)
    /// journal folder, as `author`.
    pub fn team_join(&self, remote: &str, author: &str) -> Result<()> {
        let dir = self.dir();
        if dir.exists() && std::fs::read_dir(dir).map_or(true, |mut d| d.next().is_some()) {
            return Err(Error::user(
                |lang| messages::join_needs_empty_dir(lang, &dir.display().to_string()),
                messages::hint_join_elsewhere,
            ));
        }
        let target = dir.to_string_lossy().into_owned();
        // The journal is private, as one made here is; a clone that fails
        // leaves no folder it made.
        let made = !dir.exists();
        atomic::create_private_dir(dir)?;
        if let Err(error) = git_in(Path::new("."), &["clone", "--quiet", remote, &target]) {
            if made {
                let _ = std::fs::remove_dir_all(dir);
            }
            return Err(error);
        }
        // The remote's HEAD may name another branch than the team's.
        let upstream = format!("origin/{BRANCH}");
        if self.git_value(&["rev-parse", "--verify", "--quiet", &upstream]).is_none() {
            // Nothing shared yet: no rules to follow. The folder goes, as it came.
            let _ = std::fs::remove_dir_all(dir);
            let remote = remote.to_string();
            return Err(Error::user(move |lang| messages::remote_is_empty(lang, &remote), messages::hint_init_first));
        }
        self.git(&["checkout", "--quiet", "-B", BRANCH, &upstream])?;
        self.configure_clone(author)?;
        // The first of the team's events is this clone's current one.
        if let Some(slug) = self.slugs()?.into_iter().next() {
            self.update_state(|state| state.current_event = Some(slug))?;
        }
        Ok(())
    }

    /// The per-clone settings: the author, the merge driver (this very
    /// program), and a committer identity when git has none.
    fn configure_clone(&self, author: &str) -> Result<()> {
        let team = toml::to_string(&TeamFile { author: author.trim().to_string() })
            .map_err(|e| Error::Invalid { path: self.dir().join(TEAM_FILE), message: Text::verbatim(e.to_string()) })?;
        atomic::write(&self.dir().join(TEAM_FILE), team.as_bytes())?;
        self.set_merge_driver()?;
        if self.git_value(&["config", "user.name"]).is_none() {
            self.git(&["config", "user.name", author.trim()])?;
        }
        if self.git_value(&["config", "user.email"]).is_none() {
            self.git(&["config", "user.email", "notes@localhost"])?;
        }
        Ok(())
    }

    /// Tells git to merge the journal's files with `notes team merge`.
    fn set_merge_driver(&self) -> Result<()> {
        let program =
            std::env::current_exe().map_err(|e| Error::io(messages::cannot_run_git, Path::new("notes"), e))?;
        let driver = format!("{} team merge %O %A %B %P", shell_quote(&program.to_string_lossy()));
        if self.git_value(&["config", "merge.notes.driver"]).as_deref() != Some(driver.as_str()) {
            self.git(&["config", "merge.notes.name", "notes: sessions by identity, notes as text"])?;
            self.git(&["config", "merge.notes.driver", &driver])?;
        }
        Ok(())
    }

    /// Commits what changed, gets the others' commits, merges them (event
    /// files by meaning), and pushes; offline, the commit waits here.
    pub fn sync(&self, lang: Lang) -> Result<SyncReport> {
        if !self.dir().join(".git").exists() || self.team_author().is_none() {
            return Err(Error::user(messages::not_a_team_journal, messages::hint_team_init));
        }
        // One sync at a time in a clone.
        let _sync = self.lock(&self.dir().join(".git").join("notes-sync"))?;
        let stale_locks = self.remove_stale_git_locks();
        let mut report =
            SyncReport { recovered: self.undo_interrupted_merge()? || stale_locks, ..SyncReport::default() };
        let author = self.team_author().unwrap_or_default();
        // The driver is this program, wherever it is now (it may have moved
        // since the clone was made).
        self.set_merge_driver()?;
        // A file that does not read is never shared; a session written by
        // hand gets its identity and author before it is.
        for slug in self.slugs()? {
            self.update(&slug, |doc| doc.give_identities(&author))?;
        }
        report.committed = self.commit(&messages::commit_sync(lang, &author))?;
        if self.git_value(&["remote", "get-url", "origin"]).is_none() {
            report.no_remote = true;
            return Ok(report);
        }
        for _ in 0..PUSH_ATTEMPTS {
            if let Err(said) = self.fetch() {
                // A remote that answers "no such repository" is not offline.
                let missing = ["does not appear to be a git repository", "Repository not found", "not found"];
                if missing.iter().any(|m| said.contains(m)) {
                    let remote = self.git_value(&["remote", "get-url", "origin"]).unwrap_or_default();
                    return Err(Error::user(
                        move |lang| messages::remote_not_found(lang, &remote),
                        messages::hint_check_remote,
                    ));
                }
                report.offline = true;
                return Ok(report);
            }
            let upstream = format!("origin/{BRANCH}");
            if self.git_value(&["rev-parse", "--verify", "--quiet", &upstream]).is_some() {
                match self.integrate(&upstream, lang)? {
                    Integrated::Received(count) => report.received += count,
                    Integrated::ChangedMeanwhile => {
                        self.commit(&messages::commit_sync(lang, &author))?;
                        continue;
                    }
                }
            }
            if self.git(&["push", "--quiet", "origin", &format!("HEAD:{BRANCH}")]).is_ok() {
                report.pushed = true;
                return Ok(report);
            }
            // Someone pushed first: fetch and merge again.
        }
        Err(Error::user(messages::push_refused, messages::hint_sync_again))
    }

    /// Fetches the team's commits; what git said when it could not.
    fn fetch(&self) -> std::result::Result<(), String> {
        let out = Command::new("git")
            .args(["fetch", "--quiet", "origin"])
            .current_dir(self.dir())
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
    }

    /// Takes `upstream` in; returns how many commits came in. Git computes
    /// the merge without touching the journal's files (`merge-tree`, the
    /// event files merged by the driver); then, under the locks of every
    /// event file, notes writes the files that change, each atomically, and
    /// only then moves the branch. A sync killed at any point leaves each
    /// file whole, and the next one completes the work; git never writes a
    /// file a jot is writing.
    fn integrate(&self, upstream: &str, lang: Lang) -> Result<Integrated> {
        let incoming = self
            .git_value(&["rev-list", "--count", &format!("HEAD..{upstream}")])
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        if incoming == 0 {
            return Ok(Integrated::Received(0));
        }
        let head = self.git_value(&["rev-parse", "HEAD"]).unwrap_or_default();
        let upstream_commit = self.git_value(&["rev-parse", upstream]).unwrap_or_default();
        let target = if self.git(&["merge-base", "--is-ancestor", &head, &upstream_commit]).is_ok() {
            upstream_commit
        } else {
            let out = Command::new("git")
                .args(["merge-tree", "--write-tree", "--name-only", "--no-messages", &head, &upstream_commit])
                .current_dir(self.dir())
                .output()
                .map_err(|e| Error::io(messages::cannot_run_git, Path::new("git"), e))?;
            let listed = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut lines = listed.lines();
            let tree = lines.next().unwrap_or_default().to_string();
            if !out.status.success() {
                // The driver refused a file (one side does not read): ours stay.
                let files = lines.filter(|l| !l.is_empty()).collect::<Vec<_>>().join(", ");
                return Err(Error::user(
                    move |lang| messages::merge_left_to_you(lang, &files),
                    messages::hint_fix_and_sync,
                ));
            }
            let message = messages::commit_merge(lang);
            self.git_value(&["commit-tree", &tree, "-p", &head, "-p", &upstream_commit, "-m", &message])
                .unwrap_or_default()
        };
        let slugs = self.slugs()?;
        let _locks = slugs.iter().map(|slug| self.lock(&self.event_path(slug))).collect::<Result<Vec<_>>>()?;
        // A jot written since the commit: committed first, and merged again.
        if self.git_value(&["status", "--porcelain"]).is_some() {
            return Ok(Integrated::ChangedMeanwhile);
        }
        let current = self.current_identities();
        self.check_out(&head, &target)?;
        self.restore_current(current)?;
        Ok(Integrated::Received(incoming))
    }

    /// Writes the files that differ between commits `from` (HEAD, whose
    /// files are in the journal) and `to`, then moves HEAD and the index
    /// to `to`.
    fn check_out(&self, from: &str, to: &str) -> Result<()> {
        let changes = self.git_value(&["diff", "--name-status", "--no-renames", from, to]).unwrap_or_default();
        for line in changes.lines() {
            let Some((status, path)) = line.split_once('\t') else { continue };
            let target = self.dir().join(path);
            if status.starts_with('D') {
                if let Err(e) = std::fs::remove_file(&target)
                    && e.kind() != std::io::ErrorKind::NotFound
                {
                    return Err(Error::io(messages::cannot_write, &target, e));
                }
                continue;
            }
            let blob = git_in(self.dir(), &["cat-file", "blob", &format!("{to}:{path}")])?;
            if let Some(folder) = target.parent() {
                std::fs::create_dir_all(folder).map_err(|e| Error::io(messages::cannot_write, folder, e))?;
            }
            atomic::write(&target, &blob.stdout)?;
        }
        self.git(&["update-ref", "HEAD", to, from])?;
        self.git(&["read-tree", to])?;
        Ok(())
    }

    /// Each event's current session, by identity.
    fn current_identities(&self) -> Vec<(String, String)> {
        let Ok(state) = self.state() else { return Vec::new() };
        state
            .current_session
            .iter()
            .filter_map(|(slug, id)| {
                let session = self.load(slug).ok()?.sessions.into_iter().find(|s| s.id == *id)?;
                Some((slug.clone(), session.uid?))
            })
            .collect()
    }

    /// Points each event's current session back at its identity: the
    /// others' commits may have given it another id.
    fn restore_current(&self, current: Vec<(String, String)>) -> Result<()> {
        for (slug, uid) in current {
            let Ok(file) = self.load(&slug) else { continue };
            if let Some(session) = file.sessions.iter().find(|s| s.uid.as_deref() == Some(uid.as_str())) {
                let id = session.id;
                self.update_state(|state| {
                    state.current_session.insert(slug.clone(), id);
                })?;
            }
        }
        Ok(())
    }

    /// Git's own locks left by a git killed with its sync (power cut, a
    /// killed process group): under the sync lock, one older than a
    /// minute has no live owner, and would stop every sync. Removed.
    fn remove_stale_git_locks(&self) -> bool {
        let git_dir = self.dir().join(".git");
        let stale = |path: &Path| {
            std::fs::metadata(path)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > std::time::Duration::from_secs(60)))
        };
        let mut removed = false;
        let refs = [format!("refs/heads/{BRANCH}.lock"), format!("refs/remotes/origin/{BRANCH}.lock")];
        for name in ["index.lock", "HEAD.lock", "ORIG_HEAD.lock"].into_iter().map(String::from).chain(refs) {
            let path = git_dir.join(name);
            if stale(&path) && std::fs::remove_file(&path).is_ok() {
                removed = true;
            }
        }
        removed
    }

    /// A sync killed mid-merge leaves MERGE_HEAD (a rebase, its folder):
    /// undone, as this clone's changes are committed before any merge.
    fn undo_interrupted_merge(&self) -> Result<bool> {
        let git_dir = self.dir().join(".git");
        if git_dir.join("MERGE_HEAD").exists() {
            self.git(&["merge", "--abort"])?;
            return Ok(true);
        }
        if git_dir.join("rebase-merge").exists() || git_dir.join("rebase-apply").exists() {
            self.git(&["rebase", "--abort"])?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Commits every shared change; whether there was one.
    fn commit(&self, message: &str) -> Result<bool> {
        self.git(&["add", "--all"])?;
        if self.git(&["diff", "--cached", "--quiet"]).is_ok() {
            return Ok(false);
        }
        let summary = self.git_value(&["diff", "--cached", "--name-only"]).unwrap_or_default();
        let files: Vec<&str> = summary.lines().collect();
        self.git(&["commit", "--quiet", "--no-verify", "-m", message, "-m", &files.join(", ")])?;
        Ok(true)
    }

    fn git(&self, args: &[&str]) -> Result<Output> {
        git_in(self.dir(), args)
    }

    /// The trimmed output of a git command that succeeded with some.
    fn git_value(&self, args: &[&str]) -> Option<String> {
        let out = self.git(args).ok()?;
        Some(String::from_utf8_lossy(&out.stdout).trim().to_string()).filter(|v| !v.is_empty())
    }
}

/// Runs git in `dir`; a failure carries what git said.
fn git_in(dir: &Path, args: &[&str]) -> Result<Output> {
    // A person's git settings must not stop the team's commits.
    let out = Command::new("git")
        .args(["-c", "commit.gpgSign=false", "-c", "core.hooksPath=/dev/null"])
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| Error::io(messages::cannot_run_git, Path::new("git"), e))?;
    if out.status.success() {
        Ok(out)
    } else {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let command = args.first().copied().unwrap_or_default().to_string();
        Err(Error::user(move |lang| messages::git_failed(lang, &command, &said), messages::hint_git_failed))
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// An identity no other clone gives: a hash of who, when, which process
/// and which session.
pub fn new_uid(author: &str, session: &Session) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let mut hash = Sha256::new();
    for part in [author, &now.as_nanos().to_string(), &std::process::id().to_string(), &session.title] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.update(session.id.to_be_bytes());
    hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The merge git asks of its driver: `ours` (a file path, rewritten with
/// the result), `base` and `theirs`, all versions of journal file `name`.
/// Returns false for a conflict left to the person (our side then stays
/// as it was, readable).
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path, name: &str) -> Result<bool> {
    let read = |path: &Path| read_regular(path).map_err(|e| Error::io(messages::cannot_read, path, e));
    let (base_text, our_text, their_text) = (read(base)?, read(ours)?, read(theirs)?);
    let slug = name.strip_suffix(".toml").unwrap_or(name);
    if slug.ends_with(".schedule") {
        // A schedule is made again by importing its source: both sides
        // imported, and ours is as good as theirs.
        return Ok(true);
    }
    let path = PathBuf::from(name);
    let (Ok(mut doc), Ok(their_doc)) =
        (EventDoc::parse(&path, slug, &our_text), EventDoc::parse(&path, slug, &their_text))
    else {
        return Ok(false);
    };
    let base_doc = EventDoc::parse(&path, slug, &base_text).ok();
    let side = |doc: &EventDoc| -> Result<Side> { Ok(Side { event: doc.event().clone(), sessions: doc.sessions()? }) };
    let (our_side, their_side) = (side(&doc)?, side(&their_doc)?);
    let base_side = base_doc.as_ref().map(side).transpose()?;
    // Every side numbered as the merged event numbers its days.
    let (start, end) = merged_dates(base_side.as_ref().map(|b| &b.event), &our_side, &their_side);
    let target = Event { start, end, ..doc.event().clone() };
    let (ours_now, theirs_now) = (our_side.on_days_of(&target), their_side.on_days_of(&target));
    let base_now = base_side.map(|b| b.on_days_of(&target));
    let mut event = merge_event(base_now.as_ref().map(|b| &b.event), &ours_now.event, &theirs_now.event);
    (event.start, event.end) = (start, end);
    let days = event.days.clone();
    // Our sessions and days keep their dates as the event's dates change.
    doc.put_event(event)?;
    let emptied: Vec<u32> = doc.event().days.keys().filter(|d| !days.contains_key(d)).copied().collect();
    for day in emptied {
        doc.put_day(day, DayNotes::default())?;
    }
    for (day, notes) in days {
        if doc.event().days.get(&day) != Some(&notes) {
            doc.put_day(day, notes)?;
        }
    }
    let base_sessions = base_now.map(|b| b.sessions).unwrap_or_default();
    let merge = merge_sessions(&base_sessions, &ours_now.sessions, &theirs_now.sessions);
    for session in merge.changed {
        doc.put_session(session)?;
    }
    for id in merge.removed {
        doc.remove_session(id)?;
    }
    for session in merge.added {
        doc.add_session(session)?;
    }
    atomic::write(ours, doc.text().as_bytes())?;
    Ok(true)
}
