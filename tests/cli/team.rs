//! A journal shared by a team through git: a bare repository in a temp
//! folder is the remote, each person a clone with their own author. Real
//! git, no network.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{TestEnv, fails_without_change};

const KIELUX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/giggity_kielux_2020.ics");

/// A team: the remote and one clone per person.
struct Team {
    env: TestEnv,
    remote: PathBuf,
}

impl Team {
    /// Léa shares a journal with the KieLux schedule; Paul and Chloé join.
    fn new() -> Team {
        let env = TestEnv::new();
        let remote = env.root.path().join("remote.git");
        git(env.root.path(), &["init", "--quiet", "--bare", remote.to_str().unwrap()]);
        let team = Team { env, remote };
        team.ok("lea", &["import", KIELUX, "--tz", "Europe/Berlin"]);
        team.ok(
            "lea",
            &["add", "Keynote d'ouverture", "-k", "keynote", "-d", "1", "--at", "10:00", "-m", "Bienvenue."],
        );
        team.ok("lea", &["team", "init", "--author", "Léa Moreau", team.remote.to_str().unwrap()]);
        team.ok("lea", &["sync"]);
        for (who, name) in [("paul", "Paul Martin"), ("chloe", "Chloé Bernard")] {
            team.ok(who, &["team", "join", team.remote.to_str().unwrap(), "--author", name]);
        }
        team
    }

    fn dir(&self, who: &str) -> PathBuf {
        self.env.root.path().join(who)
    }

    fn ok(&self, who: &str, args: &[&str]) -> String {
        let dir = self.dir(who);
        let mut all = vec!["--dir", dir.to_str().unwrap()];
        all.extend_from_slice(args);
        self.env.ok(all)
    }

    /// The sessions of the event, as `list --json` gives them.
    fn sessions(&self, who: &str) -> Vec<Value> {
        let json: Value = serde_json::from_str(&self.ok(who, &["list", "--json"])).unwrap();
        json.as_array().cloned().unwrap_or_default()
    }

    /// The id of the session linked to schedule talk `reference`.
    fn id_of(&self, who: &str, schedule_id: &str) -> String {
        let sessions = self.sessions(who);
        let session = sessions.iter().find(|s| s["schedule_id"] == schedule_id).expect("the planned talk");
        session["id"].to_string()
    }

    /// The path of the (one) event file in `who`'s clone.
    fn event_path(&self, who: &str) -> PathBuf {
        std::fs::read_dir(self.dir(who))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.ends_with(".toml") && !name.starts_with('.') && !name.contains(".schedule")
            })
            .unwrap()
    }

    fn event_file(&self, who: &str) -> String {
        std::fs::read_to_string(self.event_path(who)).unwrap()
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git").args(args).current_dir(dir).env("HOME", dir).output().unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every file of a clone reads, holds no conflict marker, and git has
/// nothing left to commit.
fn check_clean(team: &Team, who: &str) {
    let dir = team.dir(who);
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "{}:\n{text}", path.display());
        }
    }
    team.ok(who, &["list"]);
    assert_eq!(git(&dir, &["status", "--porcelain"]), "", "{who}'s clone has changes left");
}

#[test]
fn three_people_write_offline_and_sync_in_every_order_without_losing_a_note() {
    let orders = [["lea", "paul", "chloe"], ["chloe", "lea", "paul"], ["paul", "chloe", "lea"]];
    for order in orders {
        let team = Team::new();
        // The same programme talk, planned and noted by two people.
        for (who, note) in [("paul", "Paul : Xen vit encore."), ("chloe", "Chloé : démo de live migration.")] {
            team.ok(who, &["plan", "467@KOLT20"]);
            let id = team.id_of(who, "467@KOLT20");
            team.ok(who, &["jot", "-i", &id, note]);
            team.ok(who, &["verdict", &id, "top"]);
        }
        // Léa and Paul add fifty talks each; everyone jots on the keynote.
        for i in 1..=50 {
            for who in ["lea", "paul"] {
                team.ok(who, &["add", &format!("Talk {i} de {who}"), "-d", "1", "-m", &format!("note {i} de {who}")]);
            }
        }
        for who in ["lea", "paul", "chloe"] {
            team.ok(who, &["jot", "-i", "1", &format!("{who} sur la keynote")]);
        }
        for who in order {
            team.ok(who, &["sync"]);
        }
        // A second round: everyone has everything.
        for who in order {
            team.ok(who, &["sync"]);
        }
        let reference = team.event_file(order[2]);
        for who in ["lea", "paul", "chloe"] {
            check_clean(&team, who);
            let sessions = team.sessions(who);
            for i in 1..=50 {
                for author in ["lea", "paul"] {
                    let note = format!("note {i} de {author}");
                    let holding: Vec<&Value> =
                        sessions.iter().filter(|s| s["notes"].as_str().unwrap_or("").contains(&note)).collect();
                    assert_eq!(holding.len(), 1, "{order:?}: {note:?} in {who}'s clone");
                    assert_eq!(holding[0]["title"], format!("Talk {i} de {author}"));
                }
            }
            let keynote = sessions.iter().find(|s| s["title"] == "Keynote d'ouverture").unwrap();
            for author in ["lea", "paul", "chloe"] {
                let jot = format!("{author} sur la keynote");
                assert_eq!(keynote["notes"].as_str().unwrap().matches(&jot).count(), 1, "{order:?} {who}: {jot}");
            }
            let xen: Vec<&Value> = sessions.iter().filter(|s| s["schedule_id"] == "467@KOLT20").collect();
            assert_eq!(xen.len(), 2, "one session per person on the shared talk");
            let file = team.event_file(who);
            assert!(file.contains("author = \"Paul Martin\"") && file.contains("author = \"Chloé Bernard\""));
            // Every clone ends with the same sessions (ids may differ).
            let titles = |text: &str| {
                let mut t: Vec<String> =
                    text.lines().filter(|l| l.starts_with("title = ")).map(str::to_string).collect();
                t.sort();
                t
            };
            assert_eq!(titles(&file), titles(&reference), "{who}");
        }
    }
}

#[test]
fn the_current_session_survives_a_sync_that_renumbers_it() {
    let team = Team::new();
    team.ok("lea", &["add", "Mon talk", "-d", "1", "-m", "a"]);
    team.ok("paul", &["add", "Son talk", "-d", "1", "-m", "b"]);
    team.ok("lea", &["sync"]);
    team.ok("paul", &["sync"]);
    // Léa's clone fast-forwards to Paul's merge, where her talk has moved.
    team.ok("lea", &["sync"]);
    team.ok("lea", &["jot", "encore une note"]);
    let sessions = team.sessions("lea");
    let mine = sessions.iter().find(|s| s["title"] == "Mon talk").unwrap();
    assert!(mine["notes"].as_str().unwrap().contains("encore une note"), "{sessions:?}");
}

#[test]
fn an_interrupted_sync_is_undone_and_done_again() {
    let team = Team::new();
    team.ok("lea", &["add", "Talk de Léa", "-d", "1"]);
    team.ok("lea", &["sync"]);
    team.ok("paul", &["add", "Talk de Paul", "-d", "1", "-m", "gardé"]);
    // Killed in the middle of a merge: MERGE_HEAD is there, nothing committed.
    let paul = team.dir("paul");
    git(&paul, &["add", "--all"]);
    git(&paul, &["-c", "user.name=x", "-c", "user.email=x@x", "commit", "--quiet", "-m", "wip"]);
    git(&paul, &["fetch", "--quiet", "origin"]);
    git(&paul, &["merge", "--no-commit", "--no-ff", "origin/main"]);
    assert!(paul.join(".git/MERGE_HEAD").exists());
    let said = team.env.transcript(["--dir", paul.to_str().unwrap(), "sync"]);
    assert!(said.starts_with("exit: 0") && said.contains("interrupted"), "{said}");
    check_clean(&team, "paul");
    let titles: Vec<String> = team.sessions("paul").iter().map(|s| s["title"].to_string()).collect();
    assert!(titles.contains(&"\"Talk de Léa\"".into()) && titles.contains(&"\"Talk de Paul\"".into()), "{titles:?}");
}

#[test]
fn offline_the_commit_waits_for_the_next_sync() {
    let team = Team::new();
    team.ok("paul", &["add", "Dans le train", "-d", "1", "-m", "pas de réseau"]);
    // No network: the remote's host does not answer.
    let paul = team.dir("paul");
    git(&paul, &["remote", "set-url", "origin", "git://127.0.0.1:9/team.git"]);
    let said = team.ok("paul", &["sync"]);
    assert!(said.contains("Offline"), "{said}");
    assert_eq!(git(&paul, &["status", "--porcelain"]), "");
    // A remote that is not there is not "offline": said, the commit kept.
    git(&paul, &["remote", "set-url", "origin", team.env.root.path().join("moved.git").to_str().unwrap()]);
    let said = team.env.transcript(["--dir", paul.to_str().unwrap(), "sync"]);
    assert!(said.starts_with("exit: 1") && said.contains("no such repository"), "{said}");
    git(&paul, &["remote", "set-url", "origin", team.remote.to_str().unwrap()]);
    team.ok("paul", &["sync"]);
    team.ok("lea", &["sync"]);
    assert!(team.sessions("lea").iter().any(|s| s["title"] == "Dans le train"));
}

#[test]
fn a_single_authors_journal_is_shared_without_loss() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Gateway API", "-d", "2", "-m", "Des notes."]);
    env.ok(["add", "Cilium", "-d", "2", "-v", "top"]);
    let before: Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    env.ok(["team", "init", "--author", "Léa Moreau"]);
    let mut after: Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    let sessions = after.as_array_mut().unwrap();
    for session in sessions {
        assert_eq!(session["author"], "Léa Moreau");
        session.as_object_mut().unwrap().remove("author");
    }
    assert_eq!(before, after, "the sessions read the same, with their author");
    let file = env.kubecon_file();
    assert_eq!(file.matches("author = \"Léa Moreau\"").count(), 2, "{file}");
    assert_eq!(file.matches("uid = ").count(), 2, "{file}");
    let ignored = std::fs::read_to_string(env.journal().join(".gitignore")).unwrap();
    assert!(ignored.contains(".*"), "{ignored}");
    assert_eq!(git(&env.journal(), &["status", "--porcelain"]), "");
    let tracked = git(&env.journal(), &["ls-files"]);
    assert!(!tracked.contains(".notes-state") && !tracked.contains(".lock"), "{tracked}");
    // Without a remote, sync commits here and says so.
    env.ok(["add", "BoF", "-d", "2"]);
    assert!(env.ok(["sync"]).contains("no remote"));
}

#[test]
fn team_commands_that_cannot_run() {
    let env = TestEnv::new();
    env.kubecon();
    let out = fails_without_change(&env, &["sync"], 1);
    assert!(out.contains("not shared with a team") && out.contains("notes team init"), "{out}");
    let out = fails_without_change(&env, &["team", "init"], 2);
    assert!(out.contains("--author"), "{out}");
    let out = fails_without_change(&env, &["team", "init", "--author", "<>"], 2);
    assert!(out.contains("is not a name"), "{out}");
    let out = fails_without_change(&env, &["--lang", "fr", "team", "join", "/nowhere.git", "--author", "Paul"], 1);
    assert!(out.contains("n’est pas vide"), "{out}");
    // Joining a remote nobody shared to yet: said, and no folder left.
    let empty = env.root.path().join("empty.git");
    git(env.root.path(), &["init", "--quiet", "--bare", empty.to_str().unwrap()]);
    let clone = env.root.path().join("clone");
    let args = ["--dir", clone.to_str().unwrap(), "team", "join", empty.to_str().unwrap(), "--author", "Paul"];
    let out = fails_without_change(&env, &args, 1);
    assert!(out.contains("holds no journal yet") && out.contains("notes team init"), "{out}");
    assert!(!clone.exists());
    let args = ["--dir", clone.to_str().unwrap(), "team", "join", "/no/such/remote.git", "--author", "Paul"];
    let out = fails_without_change(&env, &args, 1);
    assert!(out.contains("git clone failed"), "{out}");
    assert!(!clone.exists());
    // Sharing into a remote that holds a team's journal: join it instead.
    let team = Team::new();
    let other = TestEnv::new();
    other.kubecon();
    let out = other.transcript(["team", "init", "--author", "Zoé", team.remote.to_str().unwrap()]);
    assert!(out.starts_with("exit: 1") && out.contains("already holds a team's journal"), "{out}");
    team.ok("paul", &["sync"]);
    team.ok("paul", &["list"]);
}

/// The co-written post of a day shaped like the 2024 recap: one byline
/// for all, each section credited, the talk two people saw under one
/// heading with both takes, one "À tester" list for everyone.
#[test]
fn the_cowritten_post_credits_everyone_and_merges_their_takes() {
    let team = Team::new();
    team.ok(
        "lea",
        &["add", "Flux and the Wider Ecosystem", "-d", "1", "--at", "11:00", "-m", "Flux cherche des mainteneurs."],
    );
    for (who, note, verdict) in
        [("paul", "Xen tourne toujours en production.", "to-try"), ("chloe", "La démo de migration à chaud.", "top")]
    {
        team.ok(who, &["plan", "467@KOLT20"]);
        let id = team.id_of(who, "467@KOLT20");
        team.ok(who, &["jot", "-i", &id, note]);
        team.ok(who, &["verdict", &id, verdict]);
    }
    team.ok("paul", &["add", "Dapr", "-d", "1", "--at", "16:00", "-m", "Une API pour les secrets.", "-v", "to-try"]);
    for who in ["lea", "paul", "chloe", "lea"] {
        team.ok(who, &["sync"]);
    }
    let post = team.ok("lea", &["export", "md", "--day", "1", "--lang", "fr"]);
    let outline = crate::common::outline::outline(&post);
    // The authors in the order of the post.
    let byline = ["Paul Martin et Chloé Bernard.", "Chloé Bernard et Paul Martin."]
        .map(|end| format!("Cet article a été co-écrit par Léa Moreau, {end}"));
    assert!(byline.iter().any(|b| post.contains(b.as_str())), "{post}");
    let xen: Vec<&str> =
        crate::common::outline::headings(&outline, 3).into_iter().filter(|h| h.starts_with("Xen")).collect();
    assert_eq!(xen.len(), 1, "one heading for the talk seen by two:\n{post}");
    let section = &post[post.find("### Xen").unwrap()..];
    let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
    assert!(
        section
            .contains("**Paul Martin\u{a0}:**\n\n- Xen tourne toujours en production.\n\n**Verdict\u{a0}:** À tester")
            && section.contains("**Chloé Bernard\u{a0}:**\n\n- La démo de migration à chaud."),
        "{section}"
    );
    assert!(post.contains("### Flux and the Wider Ecosystem\n\n*Par Léa Moreau*"), "{post}");
    // Who noted what, in tables and in show.
    let table = team.ok("lea", &["--width", "0", "list", "--day", "1"]);
    let dapr = table.lines().find(|l| l.contains("Dapr")).unwrap();
    assert!(table.lines().next().unwrap().contains("By") && dapr.contains("Paul Martin"), "{table}");
    let id = team.id_of("lea", "467@KOLT20");
    assert!(team.ok("lea", &["show", &id]).contains("By         "), "{}", team.ok("lea", &["show", &id]));
    // The team's plan of the day: who goes where, two in one room said.
    let plan = team.ok("lea", &["--width", "0", "team", "plan", "--day", "1"]);
    let xen = plan.lines().find(|l| l.contains("Xen")).unwrap_or_default();
    assert!(xen.contains("Paul Martin") && xen.contains("Chloé Bernard") && xen.contains("2 in one room"), "{plan}");
    assert!(plan.lines().any(|l| l.contains("Dapr") && l.contains("Paul Martin")), "{plan}");
    // During the talk, Léa's `now` says who of the team is in it.
    let programme: Value = serde_json::from_str(&team.ok("lea", &["list", "--schedule", "--json"])).unwrap();
    let start = programme.as_array().unwrap().iter().find(|t| t["schedule_id"] == "467@KOLT20").unwrap()["start"]
        .as_str()
        .unwrap()
        .to_string();
    let lea = team.dir("lea");
    let now = team.env.cmd(["--dir", lea.to_str().unwrap(), "--width", "0", "now"]).env("NOTES_NOW", &start).output();
    let now = String::from_utf8(now.unwrap().stdout).unwrap();
    assert!(
        now.contains("[Chloé Bernard, Paul Martin] Xen") || now.contains("[Paul Martin, Chloé Bernard] Xen"),
        "{now}"
    );
    let to_try = &post[post.find("## À tester").unwrap()..];
    assert_eq!(to_try.matches("\n- ").count(), 2, "Xen and Dapr, once each:\n{to_try}");
    // A journal of one author: no byline, no credits.
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Gateway API", "-d", "2", "-m", "Des notes."]);
    env.ok(["team", "init", "--author", "Léa Moreau"]);
    let alone = env.ok(["export", "md", "--day", "2", "--lang", "fr"]);
    assert!(!alone.contains("co-écrit") && !alone.contains("*Par "), "{alone}");
}

/// `notes sync` killed (SIGKILL) at any moment, again and again, while
/// Paul keeps writing: the next sync completes, and nothing is lost.
#[test]
fn a_sync_killed_at_any_moment_loses_nothing() {
    let team = Team::new();
    let paul = team.dir("paul");
    for i in 0..8u64 {
        team.ok("paul", &["add", &format!("Talk {i}"), "-d", "1", "-m", &format!("note {i}")]);
        team.ok("lea", &["add", &format!("Léa {i}"), "-d", "1"]);
        team.ok("lea", &["sync"]);
        let mut sync = team.env.std_cmd();
        sync.args(["--dir", paul.to_str().unwrap(), "sync"]);
        let mut child = sync.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 17 % 120));
        let _ = child.kill();
        let _ = child.wait();
    }
    // Whatever git children were still running finish their work.
    std::thread::sleep(std::time::Duration::from_millis(300));
    team.ok("paul", &["sync"]);
    team.ok("lea", &["sync"]);
    for who in ["paul", "lea"] {
        check_clean(&team, who);
        let sessions = team.sessions(who);
        for i in 0..8 {
            let note = format!("note {i}");
            assert_eq!(sessions.iter().filter(|s| s["notes"].as_str().unwrap_or("").contains(&note)).count(), 1);
            assert!(sessions.iter().any(|s| s["title"] == format!("Léa {i}")), "{who}: Léa {i}");
        }
    }
}

/// Two people jotting on one talk, syncing in turn, round after round:
/// every line once (each merge is the next one's base).
#[test]
fn jots_in_turn_on_one_talk_are_each_kept_once() {
    let team = Team::new();
    for round in 0..4 {
        for who in ["lea", "paul"] {
            team.ok(who, &["jot", "-i", "1", &format!("{who} {round}")]);
        }
        for who in ["lea", "paul"] {
            team.ok(who, &["sync"]);
        }
    }
    team.ok("lea", &["sync"]);
    let keynote = team.sessions("lea").into_iter().find(|s| s["id"] == 1).unwrap();
    let notes = keynote["notes"].as_str().unwrap();
    for round in 0..4 {
        for who in ["lea", "paul"] {
            assert_eq!(notes.matches(&format!("- {who} {round}\n")).count(), 1, "{notes}");
        }
    }
    assert_eq!(notes.matches("Bienvenue.").count(), 1, "{notes}");
}

/// A file that does not read is never shared; a session written by hand is
/// given its identity and author before it is.
#[test]
fn what_is_shared_reads_and_can_be_told_apart() {
    let team = Team::new();
    let lea = team.dir("lea");
    let file = team.event_path("lea");
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{good}\nthis is = = broken [\n")).unwrap();
    let said = team.env.transcript(["--dir", lea.to_str().unwrap(), "sync"]);
    assert!(said.starts_with("exit: 1") && said.contains(".toml:"), "{said}");
    team.ok("paul", &["sync"]);
    team.ok("paul", &["list"]);
    // Mended by hand, with a session typed in the file without uid nor author.
    let typed = "\n[[sessions]]\nid = 99\nday = 1\ntitle = \"Couloir\"\nnotes = \"- tapé à la main\\n\"\n";
    std::fs::write(&file, format!("{good}{typed}")).unwrap();
    team.ok("lea", &["sync"]);
    team.ok("paul", &["sync"]);
    let hallway = team.sessions("paul").into_iter().find(|s| s["title"] == "Couloir").unwrap();
    assert_eq!(hallway["author"], "Léa Moreau");
    // A block copied in the editor repeats a uid: the copy gets its own.
    let text = std::fs::read_to_string(&file).unwrap();
    let block = &text[text.rfind("[[sessions]]").unwrap()..];
    let copy = block.replace("id = 99", "id = 100").replace("Couloir", "Couloir (copie)");
    std::fs::write(&file, format!("{text}\n{copy}")).unwrap();
    team.ok("lea", &["sync"]);
    let text = std::fs::read_to_string(&file).unwrap();
    let mut uids: Vec<&str> = text.lines().filter(|l| l.starts_with("uid = ")).collect();
    let count = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), count, "{text}");
    assert!(team.event_file("paul").contains("title = \"Couloir\""));
    check_clean(&team, "lea");
    check_clean(&team, "paul");
}

/// A jot typed while a sync renumbers the current session goes to that
/// session, under its new id.
#[test]
fn a_jot_during_a_sync_goes_to_the_current_session() {
    let team = Team::new();
    let paul = team.dir("paul");
    for round in 0..5u64 {
        // Paul's talk is shared first; Léa's, made meanwhile with the same
        // id, keeps it in her merge: Paul's moves, and his clone follows.
        team.ok("lea", &["add", &format!("Léa {round}"), "-d", "1"]);
        team.ok("paul", &["add", &format!("Paul {round}"), "-d", "1"]);
        team.ok("paul", &["sync"]);
        team.ok("lea", &["sync"]);
        let mut sync = team.env.std_cmd();
        sync.args(["--dir", paul.to_str().unwrap(), "sync"]);
        let mut child = sync.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(round * 11 % 40));
        team.ok("paul", &["jot", &format!("pendant la synchro {round}")]);
        child.wait().unwrap();
    }
    team.ok("paul", &["sync"]);
    for session in team.sessions("paul") {
        let notes = session["notes"].as_str().unwrap_or("");
        if let Some(round) = notes.split("pendant la synchro ").nth(1) {
            assert_eq!(session["title"], format!("Paul {}", round.trim()), "{session}");
        }
    }
}

/// One person moves the event's first day while the other notes the second
/// day: each session and day's text stays on its date, and a day the event
/// was cut short of keeps what is on it.
#[test]
fn sessions_and_day_texts_keep_their_dates_when_the_event_moves() {
    let team = Team::new(); // 18 and 19 September 2020
    team.ok("lea", &["event", "edit", "--start", "2020-09-17"]);
    team.ok("paul", &["add", "Samedi matin", "-d", "2", "--at", "10:00", "-m", "le samedi"]);
    team.ok("paul", &["day", "2", "--intro", "Le samedi."]);
    team.ok("lea", &["sync"]);
    team.ok("paul", &["sync"]);
    team.ok("lea", &["sync"]);
    for who in ["lea", "paul"] {
        check_clean(&team, who);
        let saturday = team.sessions(who).into_iter().find(|s| s["title"] == "Samedi matin").unwrap();
        assert_eq!((saturday["day"].as_u64(), saturday["date"].as_str()), (Some(3), Some("2020-09-19")), "{who}");
        assert!(team.event_file(who).contains("[days.3]\nintro = \"Le samedi.\""), "{}", team.event_file(who));
    }
    // Léa cuts the last day while Paul notes on it: the day stays.
    let team = Team::new();
    team.ok("lea", &["event", "edit", "--end", "2020-09-18"]);
    team.ok("paul", &["add", "Samedi matin", "-d", "2", "--at", "10:00", "-m", "encore le samedi"]);
    team.ok("lea", &["sync"]);
    team.ok("paul", &["sync"]);
    team.ok("lea", &["sync"]);
    let saturday = team.sessions("lea").into_iter().find(|s| s["title"] == "Samedi matin").unwrap();
    assert!(saturday["notes"].as_str().unwrap().contains("encore le samedi"), "{saturday}");
    assert!(team.event_file("lea").contains("end = 2020-09-19"), "{}", team.event_file("lea"));
}

/// A git killed with its sync leaves its lock: an old one is cleared. A
/// person's own git settings (signing without a key, fast-forward only)
/// do not stop the team's commits.
#[test]
fn a_lock_left_by_a_killed_git_is_cleared() {
    let team = Team::new();
    for setting in [["commit.gpgsign", "true"], ["merge.ff", "only"], ["pull.ff", "only"]] {
        git(&team.dir("paul"), &["config", setting[0], setting[1]]);
    }
    team.ok("lea", &["add", "De son côté", "-d", "1"]);
    team.ok("lea", &["sync"]);
    team.ok("paul", &["add", "Après la coupure", "-d", "1"]);
    let lock = team.dir("paul").join(".git/index.lock");
    let file = std::fs::File::create(&lock).unwrap();
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(600)).unwrap();
    let said = team.ok("paul", &["sync"]);
    assert!(said.contains("Synced"), "{said}");
    assert!(!lock.exists());
    // A fresh one may belong to a git at work: left alone, and said.
    std::fs::File::create(&lock).unwrap();
    team.ok("paul", &["add", "Encore", "-d", "1"]);
    let said = team.env.transcript(["--dir", team.dir("paul").to_str().unwrap(), "sync"]);
    assert!(said.starts_with("exit: 1") && said.contains("index.lock"), "{said}");
    std::fs::remove_file(&lock).unwrap();
    team.ok("paul", &["sync"]);
    check_clean(&team, "paul");
}

/// A colleague's file that does not read (pushed by hand, outside notes):
/// the sync stops and says which file; this clone's journal is untouched.
#[test]
fn a_colleagues_unreadable_file_stops_the_sync_and_changes_nothing_here() {
    let team = Team::new();
    let paul = team.dir("paul");
    let path = team.event_path("paul");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nthis is = = broken [\n")).unwrap();
    git(&paul, &["-c", "user.name=x", "-c", "user.email=x@x", "commit", "--quiet", "-am", "by hand"]);
    git(&paul, &["push", "--quiet", "origin", "HEAD:main"]);
    team.ok("lea", &["add", "Pendant ce temps", "-d", "1", "-m", "gardé"]);
    let before = team.event_file("lea");
    let said = team.env.transcript(["--dir", team.dir("lea").to_str().unwrap(), "sync"]);
    assert!(said.starts_with("exit: 1") && said.contains("could not be merged by meaning"), "{said}");
    assert!(said.contains(path.file_name().unwrap().to_str().unwrap()), "{said}");
    assert_eq!(team.event_file("lea"), before);
    check_clean(&team, "lea");
}
