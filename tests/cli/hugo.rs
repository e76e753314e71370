//! The exported posts built by a real static site generator: Hugo, when it
//! is installed (`.ci/run` installs it and sets `NOTES_REQUIRE_HUGO`). A
//! theme prints the front matter's title as the page's `<h1>`: the post
//! must not bring a second one, and the series links must lead to pages.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::TestEnv;
use crate::common::pictures::{Photo, dimensions};

fn example() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal")
}

fn hugo() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("hugo")).find(|p| p.is_file())
}

/// A site with the smallest theme: the title as `<h1>`, then the content.
fn site(root: &Path) -> PathBuf {
    let site = root.join("site");
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&layouts).unwrap();
    std::fs::write(site.join("hugo.toml"), "baseURL = \"https://blog.example.org/\"\ntitle = \"Blog\"\n").unwrap();
    std::fs::write(layouts.join("single.html"), "<html><body><h1>{{ .Title }}</h1>\n{{ .Content }}\n</body></html>\n")
        .unwrap();
    std::fs::write(layouts.join("list.html"), "<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n")
        .unwrap();
    site
}

#[test]
fn an_exported_event_builds_with_hugo_into_pages_with_one_title_and_working_series_links() {
    let Some(hugo) = hugo() else {
        assert!(std::env::var_os("NOTES_REQUIRE_HUGO").is_none(), "hugo must be installed here (see .ci/run)");
        eprintln!("hugo is not installed: the site build is not checked");
        return;
    };
    let env = TestEnv::new();
    let site = site(env.root.path());
    let posts = site.join("content/posts");
    let args = ["--dir", example(), "export", "md", "--lang", "fr", "--front-matter", "yaml", "--per-day"];
    env.cmd(args.iter().copied().chain([posts.to_str().unwrap()])).assert().success();
    let out = Command::new(hugo).arg("--source").arg(&site).arg("--quiet").output().unwrap();
    assert!(out.status.success(), "hugo: {}", String::from_utf8_lossy(&out.stderr));
    let public = site.join("public/posts");
    let mut pages = 0;
    for entry in std::fs::read_dir(&posts).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().trim_end_matches(".md").to_string();
        let dir = public.join(&name);
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(html.matches("<h1").count(), 1, "{name} has one title:\n{html}");
        let links: Vec<&str> = html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
        let series: Vec<&&str> = links.iter().filter(|l| l.starts_with("../")).collect();
        assert!(!series.is_empty(), "{name} links the other days: {links:?}");
        for link in series {
            let target = dir.join(link).join("index.html");
            assert!(target.is_file(), "{name}: {link} leads nowhere ({})", target.display());
        }
        pages += 1;
    }
    assert_eq!(pages, 3);
}

/// A post by section with a photo, exported as a page bundle: Hugo
/// publishes the page with one title and the photo beside it.
#[test]
fn a_page_bundle_builds_with_its_photo() {
    let Some(hugo) = hugo() else {
        assert!(std::env::var_os("NOTES_REQUIRE_HUGO").is_none(), "hugo must be installed here (see .ci/run)");
        eprintln!("hugo is not installed: the site build is not checked");
        return;
    };
    let env = TestEnv::new();
    let now = "2019-05-23T19:00:00+02:00";
    let run = |args: &[&str]| env.cmd(args).env("NOTES_NOW", now).assert().success();
    run(&[
        "event",
        "add",
        "KubeCon Barcelona 2019",
        "--start",
        "2019-05-21",
        "--end",
        "2019-05-23",
        "--tz",
        "Europe/Madrid",
    ]);
    run(&["add", "Diversity Lunch", "-k", "networking", "-d", "2", "--section", "Communauté"]);
    let photo = env.root.path().join("lunch.jpg");
    std::fs::write(&photo, Photo::new(3).size(2400, 1800).jpeg()).unwrap();
    run(&["attach", photo.to_str().unwrap(), "--caption", "La table du déjeuner"]);
    run(&["add", "Keynotes", "-k", "keynote", "-d", "1", "-m", "Quatre keynotes."]);
    let site = site(env.root.path());
    let index = site.join("content/posts/barcelone/index.md");
    let args = ["export", "md", "--by-section", "--front-matter", "yaml", "--bundle", "-o", index.to_str().unwrap()];
    run(&args);
    let out = Command::new(hugo).arg("--source").arg(&site).arg("--quiet").output().unwrap();
    assert!(out.status.success(), "hugo: {}", String::from_utf8_lossy(&out.stderr));
    let page = site.join("public/posts/barcelone");
    let html = std::fs::read_to_string(page.join("index.html")).unwrap();
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    let images: Vec<&str> = html.split("<img src=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert_eq!(images.len(), 1, "{html}");
    let published = page.join(images[0]);
    assert!(published.is_file(), "{} is not published", published.display());
    assert_eq!(dimensions(&std::fs::read(published).unwrap()), (1600, 1200), "web-sized");
}
