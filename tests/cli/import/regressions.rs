//! Fixed bugs of the Sched and frab imports: job titles read as speakers, kinds from parts of words.

use serde_json::json;

use super::{CAMP, SCHED, find, import_fresh, programme};

#[test]
fn sched_job_titles_are_roles_not_speakers() {
    let (env, _) = import_fresh(SCHED, Some("Europe/Amsterdam"));
    let talks = programme(&env);
    // "… - Greg Kroah-Hartman\, Linux Kernel Maintainer & Fellow\, The Linux Foundation"
    let cra = find(&talks, "0e6014ba6bd311182b5c7f66e453c1cc");
    assert_eq!(
        cra["speakers"],
        json!([{ "name": "Greg Kroah-Hartman", "role": "Linux Kernel Maintainer & Fellow", "org": "The Linux Foundation" }])
    );
    // "… - Idit Levine\, Founder & CEO\, Solo.io & Keith Babo\, Chief Product Officer\, Solo.io"
    let pilot = find(&talks, "8a870483f2da5b962d9ed83226bd1114");
    assert_eq!(
        pilot["speakers"],
        json!([
            { "name": "Idit Levine", "role": "Founder & CEO", "org": "Solo.io" },
            { "name": "Keith Babo", "role": "Chief Product Officer", "org": "Solo.io" }
        ])
    );
    // "… Platform - Thomas Comtet\, Senior Staff Engineer\, SNCF & Yann Rotilio\, Senior Staff Engineer - Kubernetes Specialist\, SNCF"
    let sncf = find(&talks, "10fcd25ee6ea03a74a94f8ea68471526");
    assert_eq!(sncf["title"], "Keynote: Keeping Sovereignty on Track: Kubernetes Powering a National Railway Platform");
    assert_eq!(
        sncf["speakers"],
        json!([
            { "name": "Thomas Comtet", "role": "Senior Staff Engineer", "org": "SNCF" },
            { "name": "Yann Rotilio", "role": "Senior Staff Engineer - Kubernetes Specialist", "org": "SNCF" }
        ])
    );
}

#[test]
fn kinds_are_guessed_from_whole_words() {
    let (env, _) = import_fresh(SCHED, Some("Europe/Amsterdam"));
    let talks = programme(&env);
    for (id, title) in [
        ("a100f382f331c59d59f1046a91411d71", "Breaking the Monolith"),
        ("4c91dd5347986bdb6c6934c49252121a", "How To Break Multi-Tenancy"),
        ("ba1e98f58f59a41142fa48028e24132d", "Kubernetes Third Party Audit Review"),
    ] {
        let talk = find(&talks, id);
        assert!(talk["title"].as_str().unwrap().starts_with(title));
        assert_eq!(talk["kind"], "talk", "{title}");
    }
    let (env, _) = import_fresh(CAMP, None);
    let card10 = find(&programme(&env), "c9edea6f-1da1-4772-a0a9-6dd4e33f11bb").clone();
    assert_eq!(card10["title"], "card10 Badge");
    assert_eq!(card10["kind"], "talk");
}
