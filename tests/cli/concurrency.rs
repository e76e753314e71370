//! Several terminals writing at once lose nothing.

use std::process::Child;

use crate::common::TestEnv;

#[test]
fn eight_processes_adding_25_sessions_each_end_with_200() {
    let env = TestEnv::new();
    env.kubecon();
    let children: Vec<Child> = (0..8)
        .map(|p| {
            let script = (0..25)
                .map(|i| format!("\"$NOTES_BIN\" add 'Process {p} talk {i}' -d 2 || exit 1"))
                .collect::<Vec<_>>()
                .join("\n");
            std::process::Command::new("sh")
                .arg("-c")
                .arg(script)
                .env("NOTES_BIN", assert_cmd::cargo::cargo_bin("notes"))
                .env("NOTES_DIR", env.journal())
                .env("NOTES_CONFIG", env.config_path())
                .env("NOTES_NOW", crate::common::NOW)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let json: serde_json::Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    let sessions = json.as_array().unwrap();
    assert_eq!(sessions.len(), 200);
    let mut ids: Vec<u64> = sessions.iter().map(|s| s["id"].as_u64().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids, (1..=200).collect::<Vec<u64>>());
    for p in 0..8 {
        for i in 0..25 {
            let title = format!("Process {p} talk {i}");
            assert!(sessions.iter().any(|s| s["title"] == title.as_str()), "{title} lost");
        }
    }
}
