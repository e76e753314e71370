//! `notes export`: snapshots of the posts, their Markdown structure, and the
//! bad inputs around templates and output files.

use std::path::Path;

use insta::assert_snapshot;
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::common::outline::{headings, outline};
use crate::common::{TestEnv, fails_without_change};

fn example() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal")
}

fn export(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["--dir", example(), "export", "md"];
    all.extend_from_slice(args);
    env.ok(all)
}

#[test]
fn day_2_in_french_and_english() {
    let env = TestEnv::new();
    assert_snapshot!("example_day2_fr", export(&env, &["--day", "2", "--lang", "fr", "--front-matter", "yaml"]));
    assert_snapshot!("example_day2_en", export(&env, &["--day", "2", "--lang", "en"]));
}

#[test]
fn the_whole_event_in_french_and_english() {
    let env = TestEnv::new();
    assert_snapshot!("example_event_fr", export(&env, &["--lang", "fr", "--front-matter", "toml"]));
    assert_snapshot!("example_event_en", export(&env, &["--lang", "en"]));
}

#[test]
fn per_day_posts_form_a_series() {
    let env = TestEnv::new();
    let out_dir = env.root.path().join("posts");
    let out = env
        .cmd(["--dir", example(), "export", "md", "--lang", "fr", "--per-day", out_dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["kubecon-europe-2024-day-1.md", "kubecon-europe-2024-day-2.md", "kubecon-europe-2024-day-3.md"]);
    for name in &names {
        let text = std::fs::read_to_string(out_dir.join(name)).unwrap();
        let links = outline(&text).links;
        // Linked by permalink, as a built site serves them, not by file name.
        let series: Vec<_> = links.iter().filter(|(_, url)| url.starts_with("../kubecon-europe-2024-day-")).collect();
        assert_eq!(series.len(), 2, "{name} links the two other days: {links:?}");
        let own = format!("../{}/", name.trim_end_matches(".md"));
        assert!(!series.iter().any(|(_, url)| *url == own), "{name} does not link itself");
        assert_snapshot!(format!("per_day_{name}"), text);
    }
    // A second run refuses to overwrite, and writes nothing.
    let before = env.files();
    let out = env.cmd(["--dir", example(), "export", "md", "--per-day", out_dir.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(before == env.files());
    env.cmd(["--dir", example(), "export", "md", "--per-day", out_dir.to_str().unwrap(), "--force"]).assert().success();
}

#[test]
fn the_post_structure_is_what_a_reader_expects() {
    let env = TestEnv::new();
    let post = export(&env, &["--day", "2", "--lang", "fr"]);
    let outline = outline(&post);
    assert_eq!(headings(&outline, 1), ["KubeCon + CloudNativeCon Europe 2024 — Jour 2"]);
    assert_eq!(
        headings(&outline, 2),
        ["Keynotes", "Talks", "Les talks que j’aurais aimé voir", "Sponsors et rencontres", "À tester", "Conclusion"]
    );
    assert_eq!(
        headings(&outline, 3),
        [
            "Keynote: Community Culture at Ten Years",
            "Simplifying multi-cluster deployments with Cilium",
            "Gateway API: A New Set of Kubernetes APIs for Advanced Traffic Routing",
            "Kubernetes Advanced Networking Testing with KIND",
            "Sponsored Keynote: Why Service Mesh Matters",
            "Échanges au stand cert-manager et au showcase",
        ]
    );
    assert!(outline.links.iter().any(|(text, url)| text == "slides" && url.starts_with("https://")));
    let to_try: Vec<_> =
        outline.links.iter().filter(|(_, url)| url.starts_with('#')).map(|(t, u)| (t.as_str(), u.as_str())).collect();
    assert_eq!(
        to_try,
        [
            ("Simplifying multi-cluster deployments with Cilium", "#simplifying-multi-cluster-deployments-with-cilium"),
            (
                "Gateway API: A New Set of Kubernetes APIs for Advanced Traffic Routing",
                "#gateway-api-a-new-set-of-kubernetes-apis-for-advanced-traffic-routing"
            ),
        ]
    );
    assert!(outline.html.is_empty() && outline.tables == 0);
    assert!(post.contains("**Verdict\u{a0}:** À tester"), "French typography");
}

#[test]
fn hostile_journal_text_cannot_break_the_post() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok([
        "add",
        "# Not a heading | not a table",
        "-d",
        "2",
        "-s",
        "Ana *Silva* | Acme (<b>Initech</b>)",
        "--room",
        "Salle <script>alert(1)</script>",
    ]);
    env.ok(["jot", "--raw", "Some code:\n```yaml\nkind: Pod\n# inside the fence"]);
    env.ok([
        "add",
        "1. Ordered? > quoted?",
        "-d",
        "2",
        "--status",
        "missed",
        "--link",
        "slides=https://example.org/a (b).pdf",
    ]);
    env.ok(["add", "Still a section after the fence", "-d", "2", "-v", "to-try"]);
    env.ok(["day", "2", "--conclusion", "The end."]);
    let post = env.ok(["export", "md", "--day", "2"]);
    let outline = outline(&post);
    assert_eq!(headings(&outline, 1), ["KubeCon Europe 2024 — Day 2"], "{post}");
    assert_eq!(headings(&outline, 2), ["Talks", "Talks I wish I had seen", "To try", "Conclusion"], "{post}");
    assert_eq!(headings(&outline, 3), ["# Not a heading | not a table", "Still a section after the fence"], "{post}");
    assert!(outline.html.is_empty(), "no raw HTML: {:?}", outline.html);
    assert_eq!(outline.tables, 0);
    assert!(outline.links.iter().any(|(_, url)| url == "https://example.org/a%20%28b%29.pdf"), "{:?}", outline.links);
    assert_snapshot!(post);
}

#[test]
fn abstracts_reach_templates_escaped() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Imported", "-d", "2"]);
    let path = env.journal().join("kubecon-europe-2024.toml");
    let text = env
        .kubecon_file()
        .replace("status = \"attended\"", "status = \"attended\"\nabstract = \"<script>alert(1)</script> **bold**\"");
    std::fs::write(&path, text).unwrap();
    let template = env.root.path().join("t.md.j2");
    std::fs::write(
        &template,
        "{% for day in days %}{% for talk in day.talks %}{{ talk.abstract }}{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let post = env.ok(["export", "md", "--day", "2", "--template", template.to_str().unwrap()]);
    assert_eq!(post, "\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\*\n");
    assert!(outline(&post).html.is_empty());
}

/// A day shaped like `recap-kubecon-2020-last-day.txt`, rebuilt with CLI
/// commands only: its post has the recap's outline.
#[test]
fn a_recap_day_rebuilt_from_commands_has_the_recap_outline() {
    let env = TestEnv::new();
    let run = |args: &[&str]| {
        env.cmd(args).env("NOTES_NOW", "2020-08-20T18:00:00+02:00").assert().success();
    };
    run(&[
        "event",
        "add",
        "KubeCon Europe 2020 Virtual",
        "--start",
        "2020-08-17",
        "--end",
        "2020-08-20",
        "--tz",
        "Europe/Amsterdam",
    ]);
    run(&["day", "4", "--label", "Dernier jour", "--intro", "Déjà la fin : trois jours en ligne, intenses et utiles."]);
    run(&[
        "add",
        "Service Mesh: Discover, Consume, Connect, Observe",
        "-k",
        "keynote",
        "-s",
        "Vijoy Pandey (Cisco)",
        "--at",
        "09:00",
        "-v",
        "meh",
    ]);
    run(&["jot", "Une seule slide utile : les quatre usages d'un service mesh."]);
    run(&[
        "add",
        "Kubernetes on RISC-V",
        "-k",
        "keynote",
        "-s",
        "Daniel Mangum (Upbound)",
        "--at",
        "09:20",
        "-v",
        "top",
    ]);
    run(&[
        "add",
        "Community culture in Kubernetes",
        "-k",
        "keynote",
        "-s",
        "Aeva Black (Microsoft)",
        "-s",
        "Bob Killen (Google)",
        "--at",
        "09:40",
    ]);
    run(&[
        "add",
        "Gateway API: A New Set of Kubernetes APIs for Advanced Traffic Routing",
        "--at",
        "11:00",
        "-v",
        "to-try",
    ]);
    run(&["jot", "Traffic splitting et header matching sans annotations."]);
    run(&["add", "Kubernetes Advanced Networking Testing with KIND", "--at", "12:00", "-v", "meh"]);
    run(&["jot", "--raw", "Surtout une grande démo de KIND."]);
    run(&[
        "add",
        "A Deep Dive on Supporting Multi-Instance GPUs in Containers and Kubernetes",
        "--at",
        "14:00",
        "--link",
        "slides=https://example.org/mig.pdf",
        "-v",
        "top",
    ]);
    run(&["add", "Discontiguous CIDRs for Dynamic Cluster Scaling", "--at", "15:00", "-v", "good"]);
    run(&[
        "add",
        "Rook: Intro and Ceph Deep Dive",
        "-s",
        "Satoru Takeuchi",
        "-s",
        "Blaine Gardner",
        "--status",
        "missed",
        "--link",
        "slides=https://example.org/rook.pdf",
        "--at",
        "16:00",
    ]);
    run(&[
        "add",
        "Multi-tenancy vs. Multi-cluster: When Should you Use What?",
        "--status",
        "missed",
        "--link",
        "slides=https://example.org/mt.pdf",
        "--at",
        "16:00",
    ]);
    run(&["jot", "Un collègue y est allé, il me fera un retour."]);
    run(&["day", "4", "--conclusion", "Beaucoup d'idées et de motivation. Vivement les conférences en vrai."]);
    run(&[
        "day",
        "4",
        "--wished",
        "Deux talks sur le stockage et le multi-tenant, au même créneau que la démo de KIND.",
    ]);

    let output = env
        .cmd(["export", "md", "--day", "4", "--lang", "fr"])
        .env("NOTES_NOW", "2020-08-20T20:00:00+02:00")
        .output()
        .unwrap();
    let post = String::from_utf8(output.stdout).unwrap();
    let outline = outline(&post);

    // The recap's outline: keynotes, the talks in order, the talks the author
    // wished he had seen, the conclusion.
    let recap = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/recap-kubecon-2020-last-day.txt"
    ))
    .unwrap_or_default();
    let talks = [
        "Gateway API: A New Set of Kubernetes APIs for Advanced Traffic Routing",
        "Kubernetes Advanced Networking Testing with KIND",
        "A Deep Dive on Supporting Multi-Instance GPUs in Containers and Kubernetes",
        "Discontiguous CIDRs for Dynamic Cluster Scaling",
    ];
    if !recap.is_empty() {
        let positions: Vec<usize> = talks.iter().map(|t| recap.find(t).expect("the recap has this talk")).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "the recap has the talks in this order");
    }
    assert_eq!(headings(&outline, 1), ["KubeCon Europe 2020 Virtual — Jour 4 : Dernier jour"]);
    assert_eq!(
        headings(&outline, 2),
        ["Keynotes", "Talks", "Les talks que j’aurais aimé voir", "À tester", "Conclusion"]
    );
    let h3 = headings(&outline, 3);
    assert_eq!(&h3[3..], talks);
    assert!(post.contains("### Kubernetes Advanced Networking Testing with KIND\n\nSurtout une grande démo de KIND.\n\n**Verdict\u{a0}:** Meh\n"), "{post}");
    assert!(post.contains("- Rook: Intro and Ceph Deep Dive — Satoru Takeuchi, Blaine Gardner ([slides](https://example.org/rook.pdf))"), "{post}");
    assert!(outline.links.iter().filter(|(t, _)| t == "slides").count() >= 3);
    // The day's own text about the missed talks opens their section.
    let wished = &post[post.find("## Les talks que j’aurais aimé voir").unwrap()..];
    assert!(wished.starts_with("## Les talks que j’aurais aimé voir\n\nDeux talks sur le stockage"), "{post}");
    assert_snapshot!(post);
}

#[test]
fn template_errors_name_the_file_and_line() {
    let env = TestEnv::new();
    let template = env.root.path().join("broken.md.j2");
    std::fs::write(&template, "# {{ title }}\n{% for day in days %}\n{{ day.nope.deeper }}\n{% endfor %}\n").unwrap();
    let out =
        fails_without_change(&env, &["--dir", example(), "export", "md", "--template", template.to_str().unwrap()], 1);
    assert!(out.contains("broken.md.j2:3"), "{out}");
    std::fs::write(&template, "{% if %}").unwrap();
    let out =
        fails_without_change(&env, &["--dir", example(), "export", "md", "--template", template.to_str().unwrap()], 1);
    assert!(out.contains("broken.md.j2:1: syntax error"), "{out}");
    let out = fails_without_change(&env, &["--dir", example(), "export", "md", "--template", "missing.j2"], 1);
    assert!(out.contains("cannot read the template missing.j2"), "{out}");
}

#[test]
fn a_template_cannot_include_files() {
    let env = TestEnv::new();
    let template = env.root.path().join("sneaky.md.j2");
    std::fs::write(&template, "{% include '/etc/passwd' %}").unwrap();
    let out =
        fails_without_change(&env, &["--dir", example(), "export", "md", "--template", template.to_str().unwrap()], 1);
    assert!(out.contains("template not found"), "{out}");
}

#[test]
fn print_template_renders_like_the_default() {
    let env = TestEnv::new();
    let template = env.root.path().join("copy.md.j2");
    std::fs::write(&template, env.ok(["export", "md", "--print-template"])).unwrap();
    assert_eq!(export(&env, &["--day", "2", "--template", template.to_str().unwrap()]), export(&env, &["--day", "2"]));
}

#[test]
fn output_files_are_written_atomically_and_never_overwritten() {
    let env = TestEnv::new();
    let output = env.root.path().join("day2.md");
    env.cmd(["--dir", example(), "export", "md", "--day", "2", "--output", output.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&output).unwrap(), export(&env, &["--day", "2"]));
    let out = fails_without_change(
        &env,
        &["--dir", example(), "export", "md", "--day", "1", "--output", output.to_str().unwrap()],
        1,
    );
    assert!(out.contains("already exists") && out.contains("--force"), "{out}");
    env.cmd(["--dir", example(), "export", "md", "--day", "1", "--output", output.to_str().unwrap(), "--force"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&output).unwrap().contains("Jour 1")
            || std::fs::read_to_string(&output).unwrap().contains("Day 1")
    );
}

#[test]
fn an_unwritable_output_path_writes_nothing() {
    let env = TestEnv::new();
    std::fs::write(env.root.path().join("a-file"), "").unwrap();
    let target = env.root.path().join("a-file").join("post.md");
    let out =
        fails_without_change(&env, &["--dir", example(), "export", "md", "--output", target.to_str().unwrap()], 1);
    assert!(out.contains("error: cannot"), "{out}");
    assert!(!Path::new(&target).exists());
}

#[test]
fn an_unknown_lang_is_a_usage_error() {
    let env = TestEnv::new();
    let out = fails_without_change(&env, &["--dir", example(), "export", "md", "--lang", "de"], 2);
    assert!(out.contains("invalid value 'de' for '--lang"), "{out}");
}

#[test]
fn json_export_has_every_field_and_rfc3339_dates() {
    let env = TestEnv::new();
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(["--dir", example(), "export", "json", "--day", "2"])).unwrap();
    assert_eq!(json["schema"], 1);
    let event = &json["events"][0];
    assert_eq!(event["slug"], "kubecon-europe-2024");
    assert_eq!(event["days"].as_array().unwrap().len(), 3);
    let sessions = event["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 7);
    let cilium = sessions.iter().find(|s| s["title"] == "Simplifying multi-cluster deployments with Cilium").unwrap();
    assert_eq!(cilium["start"], "2024-03-21T11:00:00+01:00");
    assert_eq!(cilium["speakers"][0]["org"], "Isovalent");
    assert_eq!(cilium["verdict"]["key"], "to-try");
    assert!(chrono::DateTime::parse_from_rfc3339(cilium["end"].as_str().unwrap()).is_ok());
    let keys: Vec<&String> = cilium.as_object().unwrap().keys().collect();
    assert_snapshot!(format!("{keys:?}"));
}

// ------------------------------------------------------------- output targets

#[test]
fn output_dash_and_dev_stdout_are_stdout() {
    let env = TestEnv::new();
    let post = export(&env, &["--day", "2"]);
    assert_eq!(export(&env, &["--day", "2", "-o", "-"]), post);
    assert_eq!(export(&env, &["--day", "2", "--output", "/dev/stdout"]), post);
    assert!(!env.root.path().join("-").exists(), "no file named '-'");
}

#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let env = TestEnv::new();
    let post = export(&env, &["--day", "2"]);
    // A device node of its own (the null device, 1:3), not the machine's
    // /dev/null: a regression must not break the machine. Needs root.
    let device = env.root.path().join("null");
    let made = std::process::Command::new("mknod").arg(&device).args(["c", "1", "3"]).status();
    if made.is_ok_and(|status| status.success()) {
        export(&env, &["--day", "2", "-o", device.to_str().unwrap()]);
        assert!(std::fs::metadata(&device).unwrap().file_type().is_char_device(), "still a device");
    }

    let fifo = env.root.path().join("post.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    export(&env, &["--day", "2", "-o", fifo.to_str().unwrap()]);
    assert_eq!(reader.join().unwrap(), post);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
}

/// In a shared blog checkout, someone plants links at every name a temp
/// file could have had before: the export follows none of them.
#[cfg(unix)]
#[test]
fn links_planted_beside_the_output_are_never_followed() {
    let env = TestEnv::new();
    let victim = env.root.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let out = env.root.path().join("posts");
    std::fs::create_dir(&out).unwrap();
    for name in [".post.md.tmp", ".post.md.lock", "post.md.tmp"] {
        std::os::unix::fs::symlink(&victim, out.join(name)).unwrap();
    }
    let target = out.join("post.md");
    export(&env, &["--day", "2", "-o", target.to_str().unwrap()]);
    export(&env, &["--day", "1", "-o", target.to_str().unwrap(), "--force"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), export(&env, &["--day", "1"]));
}

#[test]
fn two_exports_to_one_file_at_once_never_mix() {
    let env = TestEnv::new();
    let posts = [export(&env, &["--day", "1"]), export(&env, &["--day", "2"])];
    let target = env.root.path().join("post.md");
    let target = target.to_str().unwrap();
    for round in 0..10 {
        std::thread::scope(|scope| {
            for day in ["1", "2"] {
                scope.spawn(|| export(&env, &["--day", day, "-o", target, "--force"]));
            }
        });
        let written = std::fs::read_to_string(target).unwrap();
        assert!(posts.contains(&written), "round {round}: a mix of two posts");
    }
    let names: Vec<_> = std::fs::read_dir(env.root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{names:?}");
}

/// With front matter the site's theme prints the title: the body has no
/// `# title`; the post is published unless `--draft`; each day's post has
/// its own day's tags; the folder of posts is readable like the posts.
#[test]
fn a_post_with_front_matter_is_ready_for_a_static_site() {
    let env = TestEnv::new();
    let post = export(&env, &["--day", "2", "--front-matter", "yaml"]);
    assert!(post.starts_with("---\ntitle: \"KubeCon + CloudNativeCon Europe 2024 — Day 2"), "{post}");
    assert!(!post.contains("draft"), "{post}");
    let mut options = Options::empty();
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let h1 = Parser::new_ext(&post, options)
        .filter(|e| matches!(e, Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H1, .. })))
        .count();
    assert_eq!(h1, 0, "{post}");
    let draft = export(&env, &["--day", "2", "--front-matter", "toml", "--draft"]);
    assert!(draft.contains("draft = true\n"), "{draft}");
    let refused = fails_without_change(&env, &["--dir", example(), "export", "md", "--draft"], 2);
    assert!(refused.contains("--front-matter"), "{refused}");

    let out_dir = env.root.path().join("site/content/posts");
    let dir_arg = out_dir.to_str().unwrap();
    env.cmd(["--dir", example(), "export", "md", "--per-day", dir_arg, "--front-matter", "yaml"]).assert().success();
    let tags = |day: u32| {
        let text = std::fs::read_to_string(out_dir.join(format!("kubecon-europe-2024-day-{day}.md"))).unwrap();
        text.lines().find(|l| l.starts_with("tags:")).unwrap().to_string()
    };
    assert_ne!(tags(2), tags(3), "each day has its own tags");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out_dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o055, 0o055, "the folder of posts is readable by others: {mode:o}");
    }
}

/// What a person jots as Markdown stays that Markdown in the post.
#[test]
fn jots_that_are_markdown_stay_that_markdown() {
    let env = TestEnv::new();
    env.ok(["event", "add", "Devoxx France", "--start", "2025-04-16", "--end", "2025-04-18", "--tz", "Europe/Paris"]);
    env.ok(["add", "Rust pour les devs Java", "-d", "2", "--at", "10:00", "--link", "speakerdeck.com/x/rust"]);
    for jot in ["1. installer rustup", "2. cargo new", "3. cargo run", "## Questions", "Pourquoi pas Go ?"] {
        env.ok(["jot", jot]);
    }
    env.ok(["edit", "1", "--link", "https://youtu.be/abc"]);
    let post = env.ok(["export", "md", "--day", "2", "--lang", "fr"]);
    assert!(post.contains("1. installer rustup\n2. cargo new\n3. cargo run\n"), "{post}");
    assert!(post.contains("\n#### Questions\n"), "one level below the talk's ###:\n{post}");
    assert!(post.contains("[slides](https://speakerdeck.com/x/rust)"), "{post}");
    assert!(post.contains("[vidéo](https://youtu.be/abc)"), "{post}");
    // No address at all: refused, nothing written.
    let refused = fails_without_change(&env, &["edit", "1", "--link", "slides"], 2);
    assert!(refused.contains("https://example.org/slides.pdf"), "{refused}");
    let ordered: Vec<_> = Parser::new(&post).filter(|e| matches!(e, Event::Start(Tag::List(Some(1))))).collect();
    assert_eq!(ordered.len(), 1, "one numbered list:\n{post}");
}

/// The whole event's post has a section for the days with something in
/// them only; a day asked for alone still gets its post.
#[test]
fn the_whole_event_post_leaves_out_empty_days() {
    let env = TestEnv::new();
    env.ok([
        "event",
        "add",
        "Capitole du Libre",
        "--start",
        "2025-11-15",
        "--end",
        "2025-11-17",
        "--tz",
        "Europe/Paris",
    ]);
    env.ok(["add", "Atelier Nix", "-d", "2", "--at", "14:00", "-m", "Flakes partout."]);
    env.ok(["day", "3", "--conclusion", "Fin du voyage."]);
    let post = env.ok(["export", "md", "--lang", "fr"]);
    let days: Vec<&str> = post.lines().filter(|l| l.starts_with("## Jour")).collect();
    assert_eq!(days.len(), 2, "days 2 and 3, not the empty day 1:\n{post}");
    assert!(days[0].starts_with("## Jour 2") && days[1].starts_with("## Jour 3"), "{days:?}");
    assert!(env.ok(["export", "md", "--day", "1"]).starts_with("# Capitole du Libre"));
}

/// The outline follows the talks: a panel on the keynote stage stays with
/// the keynotes, a session that sums up all keynotes has no heading of its
/// own, five panelists are a list, and the parts the prose already says
/// (heading, byline, verdict) can be left out.
#[test]
fn the_outline_follows_the_talks() {
    let env = TestEnv::new();
    env.ok(["event", "add", "KubeCon EU", "--start", "2024-03-20", "--end", "2024-03-22", "--tz", "Europe/Paris"]);
    let add = |args: &[&str]| {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        all.extend(["-d", "2"]);
        env.ok(all)
    };
    add(&["Keynotes", "-k", "keynote", "--at", "09:00", "--end", "09:20", "-m", "Une synthèse des keynotes."]);
    add(&[
        "Opening remarks",
        "-k",
        "keynote",
        "--at",
        "09:20",
        "--end",
        "09:30",
        "--hide",
        "heading",
        "-m",
        "Bienvenue.",
    ]);
    let five = ["Bob Wise (Heroku)", "Ana Silva (Acme)", "Liz Rice (Isovalent)", "Kasper Borg Nissen", "Ada Lovelace"];
    let mut panel = vec!["The future of platforms", "-k", "panel", "--at", "09:30", "--end", "10:00"];
    for name in &five {
        panel.extend(["-s", name]);
    }
    panel.extend(["-m", "Un panel."]);
    add(&panel);
    add(&["Closing keynote", "-k", "keynote", "--at", "10:00", "--end", "10:20"]);
    add(&[
        "Gateway API",
        "--at",
        "11:00",
        "-s",
        "Nick Young",
        "--hide",
        "byline",
        "--hide",
        "verdict",
        "-v",
        "top",
        "-m",
        "Nick Young a montré…",
    ]);
    let post = env.ok(["export", "md", "--day", "2", "--lang", "fr"]);
    let keynotes = &post[post.find("## Keynotes").unwrap()..post.find("## Talks").unwrap()];
    assert!(keynotes.contains("### The future of platforms"), "the keynote panel stays among the keynotes:\n{post}");
    assert!(!keynotes.contains("### Keynotes") && keynotes.contains("Une synthèse des keynotes."), "{post}");
    assert!(!post.contains("### Opening remarks") && keynotes.contains("Bienvenue."), "{post}");
    assert!(keynotes.contains("* *Bob Wise (Heroku)*\n* *Ana Silva (Acme)*\n"), "{post}");
    let gateway = &post[post.find("### Gateway API").unwrap()..];
    assert!(!gateway.contains("*Nick Young*") && !gateway.contains("Coup de cœur\n"), "{gateway}");
    // The verdict still counts: "À tester" and filters see it.
    assert!(env.ok(["list", "--verdict", "top"]).contains("Gateway API"));
    let refused = fails_without_change(&env, &["edit", "5", "--hide", "speakers"], 2);
    assert!(refused.contains("byline"), "{refused}");
    env.ok(["edit", "5", "--clear", "hide"]);
    assert!(env.ok(["export", "md", "--day", "2"]).contains("*Nick Young*"));
}

/// The series as authors write it: at the top, every day with a post or an
/// address of its own, linked by permalink; a day's own title; the missed
/// talks with the author's own words.
#[test]
fn the_series_sits_at_the_top_and_links_permalinks() {
    let env = TestEnv::new();
    env.ok(["event", "add", "KubeCon EU", "--start", "2024-03-19", "--end", "2024-03-22", "--tz", "Europe/Paris"]);
    env.ok(["day", "1", "--url", "https://blog.example.org/kcd (1)/"]);
    env.ok(["add", "Gateway API", "-d", "2", "--at", "11:00", "-m", "Notes."]);
    env.ok(["add", "Rook", "-d", "3", "--at", "14:00", "--status", "missed"]);
    env.ok(["day", "3", "--title", "Le (vrai) premier jour", "--wished", "Impossible de rentrer dans les salles."]);
    std::fs::write(env.config_path(), "series_url = \"/{year}/{slug}-day-{day}/\"\n").unwrap();
    let day3 = env.ok(["export", "md", "--day", "3", "--lang", "fr"]);
    assert!(
        day3.starts_with("# Le (vrai) premier jour\n\nCet article fait partie d’une série de 3 articles\u{a0}:\n\n"),
        "{day3}"
    );
    // An address that would end the link early is escaped.
    assert!(day3.contains("- [KubeCon EU — Jour 1](https://blog.example.org/kcd%20%281%29/)\n"), "{day3}");
    assert!(day3.contains("- [KubeCon EU — Jour 2](/2024/kubecon-eu-day-2/)\n"), "{day3}");
    assert!(day3.contains("- **Le (vrai) premier jour**\n"), "{day3}");
    let wished = &day3[day3.find("## Les talks que j’aurais aimé voir").unwrap()..];
    assert!(wished.contains("Impossible de rentrer dans les salles.\n\n- Rook"), "{wished}");
    // --per-day writes the days with notes; the day published elsewhere is only linked.
    let dir = env.root.path().join("posts");
    env.ok(["export", "md", "--per-day", dir.to_str().unwrap(), "--series-url", "../{slug}-day-{day}/"]);
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["kubecon-eu-day-2.md", "kubecon-eu-day-3.md"]);
}

/// Headings the author did not write can be renamed or left out from the
/// config; a template can write its own front matter from `meta`.
#[test]
fn section_headings_follow_the_config() {
    let env = TestEnv::new();
    std::fs::write(
        env.config_path(),
        "[headings]\ntalks = \"Les talks du jour\"\nmeetings = \"\"\nconclusion = \"\"\n",
    )
    .unwrap();
    let post = export(&env, &["--day", "2", "--lang", "fr"]);
    let outline = outline(&post);
    assert_eq!(
        headings(&outline, 2),
        ["Keynotes", "Les talks du jour", "Les talks que j’aurais aimé voir", "À tester"]
    );
    let template = env.root.path().join("hugo.md.j2");
    std::fs::write(&template, "+++\ntitle = {{ meta.title | tojson }}\nweight = 2\n+++\n{{ intro }}\n").unwrap();
    let own = export(&env, &["--day", "2", "--template", template.to_str().unwrap()]);
    assert!(own.starts_with("+++\ntitle = \"KubeCon + CloudNativeCon Europe 2024 — Day 2"), "{own}");
    std::fs::write(env.config_path(), "[headings]\nsponsors = \"x\"\n").unwrap();
    let refused = fails_without_change(&env, &["--dir", example(), "export", "md"], 1);
    assert!(refused.contains("sponsors"), "{refused}");
}

/// A day can name its own sections (`notes day 2 --heading talks=…`), or
/// leave one's heading out, whatever the config says.
#[test]
fn a_day_names_its_own_sections() {
    let env = TestEnv::new();
    let dir = env.root.path().join("journal-copy");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(example()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let d = dir.to_str().unwrap();
    env.ok(["--dir", d, "day", "2", "--heading", "talks=Les talks réseau", "--heading", "meetings="]);
    let post = env.ok(["--dir", d, "export", "md", "--day", "2", "--lang", "fr"]);
    let outline = outline(&post);
    assert_eq!(
        headings(&outline, 2),
        ["Keynotes", "Les talks réseau", "Les talks que j’aurais aimé voir", "À tester", "Conclusion"]
    );
    env.ok(["--dir", d, "day", "2", "--heading", "meetings"]);
    assert!(env.ok(["--dir", d, "export", "md", "--day", "2", "--lang", "fr"]).contains("## Sponsors et rencontres"));
    let refused = fails_without_change(&env, &["--dir", d, "day", "2", "--heading", "lunch=Déjeuner"], 2);
    assert!(refused.contains("keynotes, talks"), "{refused}");
}
