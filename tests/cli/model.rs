//! Random sequences of commands against a model of what the journal must
//! hold: add, jot, verdict, edit with flags and in a scripted `$EDITOR`,
//! rm, day notes and moves of the event's dates. After every command, the
//! journal says what the model says. Then several processes run their own
//! sequences at once, each on its own sessions: nothing any of them
//! completed is lost.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;

use crate::common::TestEnv;

/// What the journal must say of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Expected {
    title: String,
    day: u32,
    notes: Vec<String>,
    verdict: Option<String>,
    room: Option<String>,
}

#[derive(Debug, Clone)]
enum Op {
    Add { day: u32 },
    Jot { pick: usize, text: u32 },
    Verdict { pick: usize, meh: bool },
    Room { pick: usize, room: u32 },
    EditTitle { pick: usize, title: u32 },
    Rm { pick: usize },
    MoveStart { earlier: bool },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (1u32..=4).prop_map(|day| Op::Add { day }),
        4 => (any::<usize>(), 0u32..1000).prop_map(|(pick, text)| Op::Jot { pick, text }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(pick, meh)| Op::Verdict { pick, meh }),
        1 => (any::<usize>(), 0u32..100).prop_map(|(pick, room)| Op::Room { pick, room }),
        1 => (any::<usize>(), 0u32..100).prop_map(|(pick, title)| Op::EditTitle { pick, title }),
        1 => any::<usize>().prop_map(|pick| Op::Rm { pick }),
        1 => any::<bool>().prop_map(|earlier| Op::MoveStart { earlier }),
    ]
}

/// An editor that retitles the session: `$1` is the file.
fn retitle_editor(dir: &Path, title: &str) -> PathBuf {
    let path = dir.join(format!("retitle-{title}"));
    std::fs::write(&path, format!("#!/bin/sh\nsed -i 's/^title = .*/title = \"{title}\"/' \"$1\"\n")).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    path
}

/// The model and the journal, with the ids this runner owns.
struct Runner<'a> {
    env: &'a TestEnv,
    name: String,
    model: BTreeMap<u32, Expected>,
    /// First day of the event relative to the test event's (days moved).
    shift: i64,
}

impl Runner<'_> {
    fn pick(&self, pick: usize) -> Option<u32> {
        let ids: Vec<u32> = self.model.keys().copied().collect();
        (!ids.is_empty()).then(|| ids[pick % ids.len()])
    }

    fn run(&mut self, op: &Op) {
        let env = self.env;
        match *op {
            Op::Add { day } => {
                let title = format!("{} talk {}", self.name, self.model.len());
                let out = env.ok(["add", &title, "-d", &day.to_string()]);
                let id: u32 = out.strip_prefix("Added #").and_then(|r| r.split(' ').next()).unwrap().parse().unwrap();
                self.model.insert(id, Expected { title, day, ..Expected::default() });
            }
            Op::Jot { pick, text } => {
                let Some(id) = self.pick(pick) else { return };
                let line = format!("{} note {text}", self.name);
                env.ok(["jot", "-i", &id.to_string(), &line]);
                self.model.get_mut(&id).unwrap().notes.push(line);
            }
            Op::Verdict { pick, meh } => {
                let Some(id) = self.pick(pick) else { return };
                let verdict = if meh { "meh" } else { "to-try" };
                env.ok(["verdict", &id.to_string(), verdict]);
                self.model.get_mut(&id).unwrap().verdict = Some(verdict.into());
            }
            Op::Room { pick, room } => {
                let Some(id) = self.pick(pick) else { return };
                let room = format!("Room {room}");
                env.ok(["edit", &id.to_string(), "--room", &room]);
                self.model.get_mut(&id).unwrap().room = Some(room);
            }
            Op::EditTitle { pick, title } => {
                let Some(id) = self.pick(pick) else { return };
                let title = format!("{} retitled {title}", self.name);
                let editor = retitle_editor(&env.scratch(), &title.replace(' ', "_"));
                let out = env.cmd(["edit", &id.to_string()]).env("EDITOR", &editor).output().unwrap();
                assert!(out.status.success(), "{}", env.describe(&out));
                self.model.get_mut(&id).unwrap().title = title.replace(' ', "_");
            }
            Op::Rm { pick } => {
                let Some(id) = self.pick(pick) else { return };
                env.ok(["rm", &id.to_string(), "--yes"]);
                self.model.remove(&id);
            }
            Op::MoveStart { earlier } => {
                // The test event runs 2024-03-19 to 22; moving its start one
                // day keeps every session on its date, so day numbers shift.
                let shift = if earlier { -1 } else { 0 };
                if shift == self.shift {
                    return;
                }
                let start = if earlier { "2024-03-18" } else { "2024-03-19" };
                if !earlier && self.model.values().any(|e| e.day == 1) {
                    // A session on the 18th would fall outside: refused, whole.
                    let out = env.cmd(["event", "edit", "--start", start]).output().unwrap();
                    assert_eq!(out.status.code(), Some(1), "{}", env.describe(&out));
                    return;
                }
                env.ok(["event", "edit", "--start", start]);
                let delta = self.shift - shift;
                for expected in self.model.values_mut() {
                    expected.day = u32::try_from(i64::from(expected.day) + delta).unwrap();
                }
                self.shift = shift;
            }
        }
    }

    /// What the journal holds of this runner's sessions.
    fn check(&self, after: &Op) {
        let all: Value = serde_json::from_str(&self.env.ok(["list", "--json"])).unwrap();
        let mine: BTreeMap<u32, Expected> = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| self.model.contains_key(&(s["id"].as_u64().unwrap() as u32)))
            .map(|s| {
                let notes = s["notes"].as_str().unwrap_or("");
                let expected = Expected {
                    title: s["title"].as_str().unwrap().into(),
                    day: s["day"].as_u64().unwrap() as u32,
                    notes: notes.lines().filter_map(|l| l.strip_prefix("- ")).map(str::to_string).collect(),
                    verdict: s["verdict"]["key"].as_str().map(str::to_string),
                    room: s["room"].as_str().map(str::to_string),
                };
                (s["id"].as_u64().unwrap() as u32, expected)
            })
            .collect();
        assert_eq!(mine, self.model, "after {after:?}");
    }
}

proptest! {
    #![proptest_config(crate::fuzz_checks::exploring(12))]

    #[test]
    fn every_command_leaves_the_journal_as_the_model_says(ops in prop::collection::vec(op(), 1..14)) {
        let env = TestEnv::new();
        env.kubecon();
        let mut runner = Runner { env: &env, name: "solo".into(), model: BTreeMap::new(), shift: 0 };
        for op in &ops {
            runner.run(op);
            runner.check(op);
        }
    }
}

/// Three processes at once, each with its own sessions and its own random
/// sequence (no event moves: they change every session's day at once).
#[test]
fn processes_at_once_lose_nothing_any_of_them_completed() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let env = TestEnv::new();
    env.kubecon();
    let runners: Vec<Runner<'_>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..3u64)
            .map(|seed| {
                let env = &env;
                scope.spawn(move || {
                    let rng = TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &[seed as u8; 32]);
                    let mut search = TestRunner::new_with_rng(Config::default(), rng);
                    let ops = prop::collection::vec(op(), 25).new_tree(&mut search).unwrap().current();
                    let mut runner = Runner { env, name: format!("p{seed}"), model: BTreeMap::new(), shift: 0 };
                    for op in ops.iter().filter(|op| !matches!(op, Op::MoveStart { .. })) {
                        runner.run(op);
                    }
                    runner
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for runner in &runners {
        runner.check(&Op::Add { day: 0 });
    }
}
