//! The recaps of `../shared/examples/` replayed through the commands a
//! conference-goer types, exported, and compared with the recap's outline.
//! The notes are sentences of our own about the same talks; what is
//! compared is the shape: sections, talks, bylines, lists, pictures.

use std::path::Path;

use insta::assert_snapshot;

use crate::common::TestEnv;
use crate::common::outline::{headings, outline};
use crate::common::pictures::Photo;

/// The text of an example recap, or "" where the examples are not beside
/// the project (the outline is then checked against the list alone).
fn recap(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/examples").join(name))
        .unwrap_or_default()
}

/// `lines` appear in `recap` in this order, each on a line of its own.
fn in_recap_order(recap: &str, lines: &[&str]) {
    if recap.is_empty() {
        return;
    }
    let line_at = |line: &str| {
        recap.lines().position(|l| l.trim() == line).unwrap_or_else(|| panic!("the recap has a line {line:?}"))
    };
    let positions: Vec<usize> = lines.iter().map(|l| line_at(l)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "the recap has {lines:?} in this order");
}

/// A run of commands at one moment of the event.
fn replay(env: &TestEnv, now: &str, commands: &[&[&str]]) {
    for args in commands {
        env.cmd(*args).env("NOTES_NOW", now).assert().success();
    }
}

/// A first KubeCon told by theme over three days: one post for the whole
/// event, keynotes together (one summary without a title), a section of the
/// author's own gathering a panel, a lunch (with its photo) and the
/// childcare room, the talks without headings (the prose names them), and
/// "Pour résumer" for a conclusion. This author writes prose, so jots are
/// `--raw` paragraphs.
#[test]
fn a_first_kubecon_told_by_theme_in_one_post() {
    let env = TestEnv::new();
    let community = "Communauté, diversité et inclusion";
    replay(
        &env,
        "2019-05-23T19:00:00+02:00",
        &[
            &[
                "event",
                "add",
                "KubeCon + CloudNativeCon Europe 2019",
                "--start",
                "2019-05-21",
                "--end",
                "2019-05-23",
                "--tz",
                "Europe/Madrid",
                "--location",
                "Barcelone",
            ],
            &[
                "day",
                "1",
                "--intro",
                "Trois jours de conférence, près de 8000 personnes et plus de 400 sessions : \
                 impossible de rester groupés.",
                "--heading",
                "talks=Ma sélection de Talks",
                "--heading",
                "conclusion=Pour résumer",
            ],
            &["add", "Keynotes", "-k", "keynote", "-d", "1", "--at", "09:00"],
            &[
                "jot",
                "--raw",
                "Quatre keynotes en trois jours, de l'histoire de Kubernetes aux chiffres de la communauté.",
            ],
            &["jot", "--raw", "- 2,66 millions de contributions\n- plus de 56 000 contributeurs"],
            &[
                "add",
                "Table ronde des contributeurs",
                "-k",
                "panel",
                "-d",
                "1",
                "--at",
                "14:00",
                "--section",
                community,
                "-s",
                "James Munelly",
                "-s",
                "Cyrine Jabri",
                "-s",
                "Nikhita Raghunath",
                "-s",
                "Kris Nova",
                "-s",
                "Jason Murray",
            ],
            &[
                "jot",
                "Qui a déjà répondu à une question sur Slack ? Toute la salle lève la main : c'est déjà contribuer.",
            ],
            &["add", "Diversity Lunch", "-k", "networking", "-d", "2", "--at", "12:30", "--section", community],
            &["jot", "--raw", "Une table pair-programming, et une première PR ouverte pendant le repas."],
            &["add", "Room pour nos Gnomes", "-k", "other", "-d", "2", "--at", "13:30", "--section", community],
            &["jot", "--raw", "Une garderie gratuite sur place : une vraie aide pour les parents."],
            &[
                "add",
                "Krew: The Package Manager for kubectl Plugins",
                "-d",
                "2",
                "--at",
                "15:00",
                "-s",
                "Ahmet Alp Balkan [Developer Advocate] (Google)",
                "--hide",
                "heading",
                "--hide",
                "byline",
            ],
            &["jot", "--raw", "Ahmet Alp Balkan présente Krew, qui rend les plugins de kubectl faciles à partager."],
            &[
                "add",
                "Vertical Pod Autoscaling",
                "-d",
                "3",
                "--at",
                "11:00",
                "-s",
                "Karol Golab",
                "-s",
                "Beata Skiba",
                "--hide",
                "heading",
                "--hide",
                "byline",
            ],
            &[
                "jot",
                "--raw",
                "Karol Golab et Beata Skiba expliquent pourquoi un pod doit redémarrer pour changer de taille.",
            ],
            &[
                "jot",
                "--raw",
                "* Off : des valeurs proposées, rien de changé\n* Initial : les nouveaux pods seulement\n* Auto",
            ],
            &["day", "3", "--conclusion", "Une première KubeCon bienveillante : j'ai hâte d'y retourner."],
        ],
    );
    let lunch = env.root.path().join("lunch.jpg");
    std::fs::write(&lunch, Photo::new(7).taken("2019:05:22 12:45:00").jpeg()).unwrap();
    let caption = "La table pair-programming du Diversity Lunch";
    replay(&env, "2019-05-23T19:00:00+02:00", &[&["attach", lunch.to_str().unwrap(), "-i", "3", "--caption", caption]]);

    let title = "Feedback : ma 1ère KubeCon 2019 à Barcelone";
    let post = env.ok(["export", "md", "--by-section", "--lang", "fr", "--front-matter", "yaml", "--title", title]);
    let outline = outline(&post);

    in_recap_order(
        &recap("recap-kubecon-2019-barcelona.txt"),
        &["Keynotes", community, "Ma sélection de Talks", "Pour résumer"],
    );
    assert!(headings(&outline, 1).is_empty(), "the front matter holds the only title:\n{post}");
    assert!(post.starts_with(&format!("---\ntitle: \"{title}\"\n")), "{post}");
    assert_eq!(headings(&outline, 2), ["Keynotes", community, "Ma sélection de Talks", "Pour résumer"], "{post}");
    assert_eq!(headings(&outline, 3), ["Table ronde des contributeurs", "Diversity Lunch", "Room pour nos Gnomes"]);
    // Five panelists are a list; the photo is where it was attached, and
    // points at the journal's copy.
    assert!(post.contains("* *James Munelly*\n* *Cyrine Jabri*\n"), "{post}");
    // Read by a CommonMark parser: the keynotes' figures, the five
    // panelists, the panel's jot (a list of its own), the modes.
    assert_eq!(outline.lists, [2, 5, 1, 3], "{post}");
    assert_eq!(outline.images.len(), 1, "{post}");
    // On stdout the post links the journal's copy, from the journal.
    assert!(env.journal().join(&outline.images[0]).is_file(), "{}", outline.images[0]);
    assert!(post.contains(&format!("![{caption}](")), "{post}");
    // The talks read as the author's prose, without title or byline.
    assert!(!post.contains("Krew: The Package Manager") && !post.contains("*Karol Golab"), "{post}");
    let journal = env.journal().display().to_string();
    assert_snapshot!(post.replace(&journal, "[journal]"));

    assert!(env.ok(["show", "3"]).contains(&format!("Section    {community}")));

    // For the site: the post and its photo in one page bundle.
    let bundle = env.root.path().join("site/content/posts/barcelone");
    let index = bundle.join("index.md");
    let args = ["--by-section", "--lang", "fr", "--front-matter", "yaml", "--title", title, "--bundle", "-o"];
    env.ok([&["export", "md"][..], &args, &[index.to_str().unwrap()]].concat());
    let published = std::fs::read_to_string(&index).unwrap();
    let images = crate::common::outline::outline(&published).images;
    assert_eq!(images.len(), 1, "{published}");
    assert!(!images[0].contains('/') && bundle.join(&images[0]).is_file(), "{images:?}");
    assert_eq!(published.replace(&images[0], "x.jpg"), post.replace(&outline.images[0], "x.jpg"));
}

/// The first day of a KubeCon written as seven consultants wrote it (here
/// by one person; the co-written byline belongs to team journals): the
/// keynotes as one summary, talks headed by their titles with each
/// speaker's role, a keynote panel among the keynotes, a numbered list
/// jotted item by item, and the series of the days at the top, one of them
/// published elsewhere.
#[test]
fn a_day_of_talks_with_roles_and_a_series() {
    let env = TestEnv::new();
    replay(
        &env,
        "2024-03-20T19:00:00+01:00",
        &[
            &[
                "event",
                "add",
                "KubeCon + CloudNativeCon Europe 2024",
                "--start",
                "2024-03-20",
                "--end",
                "2024-03-22",
                "--tz",
                "Europe/Paris",
                "--location",
                "Paris",
            ],
            &[
                "day",
                "1",
                "--title",
                "KubeCon 2024 - Jour 1",
                "--intro",
                "Kubernetes fête ses dix ans, et la KubeCon est à Paris.",
            ],
            &["day", "2", "--url", "https://blog.example.org/kubecon-2024-jour-2/"],
            &["add", "Keynotes", "-k", "keynote", "-d", "1", "--at", "09:00", "--end", "10:00"],
            &["jot", "Des keynotes tournées vers l'IA : beaucoup d'attention, encore peu de standards."],
            &[
                "add",
                "Keynote panel: ten years of Kubernetes",
                "-k",
                "panel",
                "-d",
                "1",
                "--at",
                "09:30",
                "--end",
                "09:50",
                "-s",
                "Kasper Borg Nissen [animateur]",
                "-s",
                "Ana Silva (Acme)",
                "-s",
                "Tom Martin (Example Corp)",
                "-s",
                "Lee Kim",
            ],
            &["jot", "Dix ans de Kubernetes racontés par ceux qui l'ont fait grandir."],
            &["add", "Flux and the Wider Ecosystem Planning BoG", "-k", "bof", "-d", "1", "--at", "11:00"],
            &["jot", "Le projet cherche des mainteneurs depuis la fermeture de l'entreprise qui le portait."],
            &[
                "add",
                "Is serverless powerfully powerless?",
                "-d",
                "1",
                "--at",
                "11:55",
                "-s",
                "Jose Gomez-Selles [Senior Product manager] @RedHat",
                "-s",
                "Kevin Dubois [Principal Developer Advocate] @RedHat",
                "-v",
                "to-try",
            ],
            &["jot", "Kepler mesure l'énergie consommée : le serverless coûte cher au repos."],
            &["add", "Dapr", "-d", "1", "--at", "14:00", "-s", "Yaron Schneider [CTO] @Diagrid"],
            &["jot", "Une API standard pour les secrets, les files de messages et les verrous."],
            &[
                "add",
                "Simplifying multi-cluster and multi-cloud deployments with cilium",
                "-d",
                "1",
                "--at",
                "15:00",
                "-s",
                "Liz Rice @Isovalent",
            ],
            &["jot", "Cluster mesh : les blocs CIDR des clusters ne doivent pas se chevaucher."],
            &[
                "add",
                "How to save millions over years using keda?",
                "-d",
                "1",
                "--at",
                "16:00",
                "-s",
                "Solene Butruille @BlackRock",
            ],
            &["jot", "Un environnement sans appel pendant une heure passe à zéro réplique :"],
            &["jot", "```yaml\nspec:\n  minReplicaCount: 0\n  maxReplicaCount: 1\n```"],
            &["jot", "1. Temps avant le scale-down"],
            &["jot", "2. Déploiement ciblé"],
            &["jot", "3. Type de trigger"],
            &["add", "Devs demand UX for k8s", "-d", "1", "--at", "17:00"],
            &["jot", "Une étude auprès des développeurs, et Podman Desktop pour réponse."],
            &["add", "Platform engineering day two", "-d", "3", "--at", "10:00"],
        ],
    );
    let post = env.ok(["export", "md", "--day", "1", "--lang", "fr", "--front-matter", "yaml"]);
    let outline = outline(&post);
    let talks = [
        "Flux and the Wider Ecosystem Planning BoG",
        "Is serverless powerfully powerless?",
        "Dapr",
        "Simplifying multi-cluster and multi-cloud deployments with cilium",
        "How to save millions over years using keda?",
        "Devs demand UX for k8s",
    ];
    in_recap_order(&recap("recap-kubecon-2024-day1-cowritten.txt"), &[&["Keynotes"][..], &talks].concat());

    assert!(headings(&outline, 1).is_empty(), "{post}");
    assert!(post.starts_with("---\ntitle: \"KubeCon 2024 - Jour 1\"\n"), "{post}");
    assert_eq!(headings(&outline, 2), ["Keynotes", "Talks", "À tester"], "{post}");
    assert_eq!(headings(&outline, 3), [&["Keynote panel: ten years of Kubernetes"][..], &talks].concat());
    // The series: this day, the day published elsewhere, the third day.
    let series: Vec<&str> = outline.links.iter().take(2).map(|(_, url)| url.as_str()).collect();
    assert_eq!(
        series,
        ["https://blog.example.org/kubecon-2024-jour-2/", "../kubecon-cloudnativecon-europe-2024-day-3/"]
    );
    assert!(post.contains("d’une série de 3 articles"), "{post}");
    // Roles, as the recap writes them; the panel's host first in its list.
    assert!(
        post.contains(
            "*Jose Gomez-Selles, Senior Product manager (RedHat) et Kevin Dubois, Principal Developer Advocate (RedHat)*"
        ),
        "{post}"
    );
    assert!(post.contains("*Yaron Schneider, CTO (Diagrid)*"), "{post}");
    // Lists name speakers and organisations only.
    assert!(post.contains("— Jose Gomez-Selles (RedHat), Kevin Dubois (RedHat)\n"), "{post}");
    // Elsewhere: roles in `show` (one speaker from the next by a
    // semicolon), names and organisations only in a table.
    let shown = env.ok(["--width", "0", "show", "4"]);
    assert!(
        shown
            .contains("Jose Gomez-Selles, Senior Product manager (RedHat); Kevin Dubois, Principal Developer Advocate"),
        "{shown}"
    );
    let table = env.ok(["--width", "0", "list", "--day", "1"]);
    assert!(table.contains("Jose Gomez-Selles (RedHat), Kevin Dubois (RedHat)"), "{table}");
    assert!(post.contains("* *Kasper Borg Nissen, animateur*\n* *Ana Silva (Acme)*"), "{post}");
    // Read by a CommonMark parser: the series, the keynotes' jot, the four
    // panelists, then the panel's jot, a list of its own.
    assert_eq!(outline.lists[..4], [3, 1, 4, 1], "{post}");
    // The numbered list jotted item by item is one list.
    assert!(post.contains("1. Temps avant le scale-down\n2. Déploiement ciblé\n3. Type de trigger"), "{post}");
    assert_snapshot!(post);
}
