//! Photos of slides: `attach` (a picture into a session's notes, where the
//! jots have got to), `photos DIR` (a folder filed by EXIF time across a
//! replayed day) and the export of web-sized copies (page bundles, or an
//! images/ folder), with photos the tests make themselves.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::pictures::{Photo, dimensions, exif_tags, pixel};
use crate::common::{TestEnv, fails_without_change};

const SLUG: &str = "kubecon-europe-2024";

/// KubeCon day 2 (20 March 2024, Paris, UTC+1), three talks:
/// #1 09:00–09:45, #2 10:00–10:40, #3 11:00–11:35 (current: added last).
fn day_of_talks() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Opening keynote", "-k", "keynote", "--at", "09:00", "--end", "09:45"]);
    env.ok(["add", "Cilium cluster mesh", "--at", "10:00", "--end", "10:40"]);
    env.ok(["add", "Thanos at scale", "--at", "11:00", "--end", "11:35"]);
    env
}

/// Writes `bytes` as `name` in the test's root (outside the journal).
fn put(env: &TestEnv, name: &str, bytes: &[u8]) -> PathBuf {
    let path = env.root.path().join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// The notes of session `id`, as `export json` gives them.
fn notes_of(env: &TestEnv, id: u64) -> String {
    let json: serde_json::Value = serde_json::from_str(&env.ok(["export", "json"])).unwrap();
    let sessions = json["events"][0]["sessions"].as_array().expect("sessions");
    let session = sessions.iter().find(|s| s["id"] == id).expect("the session");
    session["notes"].as_str().unwrap().to_string()
}

/// The image links of a Markdown text.
fn image_links(markdown: &str) -> Vec<String> {
    pulldown_cmark::Parser::new(markdown)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

fn assets(env: &TestEnv) -> Vec<String> {
    let dir = env.journal().join(format!("{SLUG}.assets"));
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

#[test]
fn attach_puts_the_picture_between_the_jots_before_and_after() {
    let env = day_of_talks();
    let slide = put(&env, "slide.jpg", &Photo::new(1).jpeg());
    let original = fs::read(&slide).unwrap();
    env.ok(["jot", "before the slide"]);
    let said = env.ok(["attach".as_ref(), slide.as_os_str(), "--caption".as_ref(), "The architecture".as_ref()]);
    assert!(said.contains("Attached") && said.contains("#3 Thanos at scale"), "{said}");
    env.ok(["jot", "after the slide"]);

    let [asset] = &assets(&env)[..] else { panic!("one asset: {:?}", assets(&env)) };
    assert!(asset.len() == "0123456789abcdef.jpg".len() && asset.ends_with(".jpg"), "{asset}");
    let link = format!("{SLUG}.assets/{asset}");
    assert_eq!(notes_of(&env, 3), format!("- before the slide\n\n![The architecture]({link})\n\n- after the slide\n"));
    // The journal's copy is the picture, byte for byte; the original is untouched.
    assert_eq!(fs::read(env.journal().join(&link)).unwrap(), original);
    assert_eq!(fs::read(&slide).unwrap(), original);
}

/// Without `-i`, a picture goes where a jot would: once the current
/// session is over, to the one planned talk under way (made current and
/// attended).
#[test]
fn attach_follows_the_plan_as_jot_does() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Thanos at scale", "--at", "11:00", "--end", "11:35", "--status", "planned"]);
    env.ok(["add", "Opening keynote", "-k", "keynote", "--at", "09:00", "--end", "09:45"]);
    let slide = put(&env, "slide.jpg", &Photo::new(7).jpeg());
    let out = env.cmd(["attach".as_ref(), slide.as_os_str()]).output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("#1 Thanos at scale is the talk you planned"), "{said}");
    assert_eq!(image_links(&notes_of(&env, 1)).len(), 1);
    assert!(image_links(&notes_of(&env, 2)).is_empty());
    assert_eq!(env.ok(["jot", "next line"]), "Jotted to #1 Thanos at scale\n");
}

#[test]
fn attach_to_another_session_and_without_caption() {
    let env = day_of_talks();
    let stage = put(&env, "stage.png", &Photo::new(2).png());
    let said = env.ok(["attach".as_ref(), stage.as_os_str(), "-i".as_ref(), "1".as_ref()]);
    assert!(said.contains("#1 Opening keynote"), "{said}");
    let notes = notes_of(&env, 1);
    assert!(notes.starts_with(&format!("![]({SLUG}.assets/")) && notes.trim_end().ends_with(".png)"), "{notes}");
    assert_eq!(notes_of(&env, 3), "");
    // -i makes it current, as jot -i does.
    env.ok(["jot", "next line"]);
    assert!(notes_of(&env, 1).ends_with("\n\n- next line\n"));
}

#[test]
fn the_same_picture_twice_is_attached_once() {
    let env = day_of_talks();
    let slide = put(&env, "slide.jpg", &Photo::new(3).jpeg());
    let copy = put(&env, "copy-of-slide.jpg", &Photo::new(3).jpeg());
    env.ok(["attach".as_ref(), slide.as_os_str()]);
    let before = env.files();
    let output = env.cmd(["attach".as_ref(), copy.as_os_str()]).output().unwrap();
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("already attached to #3"), "{said}");
    assert!(before == env.files(), "nothing was written");
    assert_eq!(image_links(&notes_of(&env, 3)).len(), 1);
    assert_eq!(assets(&env).len(), 1);
}

#[test]
fn what_is_not_a_picture_is_refused_and_nothing_changes() {
    let env = day_of_talks();
    env.ok(["jot", "a line"]);
    let good = put(&env, "good.jpg", &Photo::new(4).jpeg());
    let text = put(&env, "notes.jpg", b"I am a text file with a .jpg name\n");
    let whole = Photo::new(5).size(200, 100).jpeg();
    let cut = put(&env, "cut.jpg", &whole[..whole.len() / 2]);
    let folder = env.root.path().join("a-folder.jpg");
    fs::create_dir_all(&folder).unwrap();
    let missing = env.root.path().join("missing.jpg");
    let big = env.root.path().join("huge.jpg");
    fs::File::create(&big).unwrap().set_len(51 * 1024 * 1024).unwrap();

    let attach = |files: &[&Path]| {
        let mut args = vec!["attach".to_string()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        fails_without_change(&env, &args, 1)
    };
    let said = attach(&[&good, &text]);
    assert!(said.contains("notes.jpg: not a picture notes can keep"), "{said}");
    assert!(said.contains("help: attach JPEG or PNG files"), "{said}");
    assert!(attach(&[&cut]).contains("cut.jpg: the picture stops before its end"));
    let said = attach(&[&folder]);
    assert!(said.contains("a-folder.jpg: a folder, not a picture") && said.contains("notes photos DIR"), "{said}");
    assert!(attach(&[&missing]).contains("cannot read [TMP]/missing.jpg"));
    assert!(attach(&[&good, &big]).contains("huge.jpg: too big for a picture: more than 50 MB"));
    #[cfg(unix)]
    {
        // Outside the root: reading it to compare files would block.
        let elsewhere = tempfile::tempdir().unwrap();
        let fifo = elsewhere.path().join("fifo.jpg");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(attach(&[&fifo]).contains("not a regular file"));
    }
    assert_eq!(assets(&env), Vec::<String>::new(), "no copy left behind");
    assert_eq!(notes_of(&env, 3), "- a line\n");
}

#[test]
fn attach_refusals_speak_french() {
    let env = day_of_talks();
    let text = put(&env, "notes.jpg", b"plain text");
    let said = fails_without_change(&env, &["--lang", "fr", "attach", text.to_str().unwrap()], 1);
    assert!(said.contains("pas une image que notes peut garder"), "{said}");
}

/// A folder of photos of day 2, by what each should become.
fn day_2_photos(env: &TestEnv) -> PathBuf {
    let dir = env.root.path().join("camera");
    fs::create_dir_all(&dir).unwrap();
    let photos = [
        // During the keynote, the camera's own offset.
        ("a-keynote.jpg", Photo::new(10).taken("2024:03:20 09:10:00").offset("+01:00").jpeg()),
        // During the keynote too, a camera on UTC that says so.
        ("b-keynote-utc.jpg", Photo::new(11).taken("2024:03:20 08:20:00").offset("+00:00").jpeg()),
        // During Cilium, no offset: the event's zone.
        ("c-cilium.jpg", Photo::new(12).taken("2024:03:20 10:20:00").jpeg()),
        // 10:52: 12 minutes after Cilium, 8 before Thanos: the nearest.
        ("d-between.jpg", Photo::new(13).taken("2024:03:20 10:52:00").jpeg()),
        // 13:30: nothing within 15 minutes.
        ("e-lunch.jpg", Photo::new(14).taken("2024:03:20 13:30:00").jpeg()),
        // No EXIF at all.
        ("f-screenshot.png", Photo::new(15).png()),
    ];
    for (name, bytes) in photos {
        fs::write(dir.join(name), bytes).unwrap();
    }
    fs::write(dir.join("readme.txt"), "not a photo").unwrap();
    // The same photo twice (a copy): filed once.
    fs::copy(dir.join("c-cilium.jpg"), dir.join("g-cilium-copy.jpg")).unwrap();
    dir
}

#[test]
fn photos_are_filed_under_the_talk_they_were_taken_in() {
    let env = day_of_talks();
    let dir = day_2_photos(&env);
    let dir = dir.to_str().unwrap();

    // The plan, and nothing written.
    let before = env.files();
    let plan = env.transcript(["photos", dir, "--dry-run"]);
    assert!(before == env.files(), "a dry run writes nothing");
    insta::assert_snapshot!("photos_dry_run", plan);

    let done = env.transcript(["photos", dir]);
    assert!(done.contains("Filed 4 photos under 3 sessions (1 already there, 2 unmatched)"), "{done}");
    let links = |id| image_links(&notes_of(&env, id));
    assert_eq!(links(1).len(), 2, "{}", notes_of(&env, 1));
    assert_eq!(links(2).len(), 1);
    assert_eq!(links(3).len(), 1, "the photo between talks goes to the nearest");
    assert_eq!(assets(&env).len(), 4, "unmatched photos are not copied");
    for link in links(1).iter().chain(&links(2)).chain(&links(3)) {
        assert!(env.journal().join(link).is_file(), "{link}");
    }

    // Again: nothing new.
    let before = env.files();
    let again = env.transcript(["photos", dir]);
    assert!(again.contains("Filed 0 photos under 0 sessions (5 already there, 2 unmatched)"), "{again}");
    assert!(again.contains("a-keynote.jpg → #1 Opening keynote (already there)"), "{again}");
    assert!(before == env.files(), "a second run writes nothing");
}

#[test]
fn a_camera_offset_corrects_a_clock_that_was_wrong() {
    let env = day_of_talks();
    let dir = env.root.path().join("slow-camera");
    fs::create_dir_all(&dir).unwrap();
    // Taken at 09:20 by a camera an hour slow: it says 08:20.
    fs::write(dir.join("slow.jpg"), Photo::new(20).taken("2024:03:20 08:20:00").jpeg()).unwrap();
    let dir = dir.to_str().unwrap();
    let uncorrected = env.ok(["photos", dir, "--dry-run"]);
    assert!(uncorrected.contains("slow.jpg: unmatched, taken 2024-03-20 08:20"), "{uncorrected}");
    let corrected = env.ok(["photos", dir, "--dry-run", "--camera-offset", "+01:00"]);
    assert!(corrected.contains("slow.jpg → #1 Opening keynote"), "{corrected}");
    let fast = env.ok(["photos", dir, "--dry-run", "--camera-offset", "-00:30"]);
    assert!(fast.contains("unmatched, taken 2024-03-20 07:50"), "{fast}");
    let said = fails_without_change(&env, &["photos", dir, "--camera-offset", "1h"], 2);
    assert!(said.contains("invalid camera offset '1h'"), "{said}");
}

#[test]
fn photos_of_a_folder_without_pictures_is_an_error() {
    let env = day_of_talks();
    let dir = env.root.path().join("empty");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("notes.txt"), "text").unwrap();
    let said = fails_without_change(&env, &["photos", dir.to_str().unwrap()], 1);
    assert!(said.contains("no JPEG or PNG pictures in"), "{said}");
    let said = fails_without_change(&env, &["photos", "no-such-folder"], 1);
    assert!(said.contains("cannot read directory no-such-folder"), "{said}");
}

/// Day 2 with a sideways photo (Orientation 6, GPS) in #3 and a big one in #2.
fn day_with_pictures() -> TestEnv {
    let env = day_of_talks();
    let sideways = Photo::new(30).taken("2024:03:20 11:10:00").orientation(6).gps();
    let sideways = put(&env, "sideways.jpg", &sideways.jpeg());
    assert!(exif_tags(&fs::read(&sideways).unwrap()).contains(&exif::Tag::GPSLatitude));
    env.ok(["attach".as_ref(), sideways.as_os_str(), "--caption".as_ref(), "The team on stage".as_ref()]);
    let big = put(&env, "big.jpg", &Photo::new(31).size(3200, 1000).gps().jpeg());
    env.ok([
        "attach".as_ref(),
        big.as_os_str(),
        "-i".as_ref(),
        "2".as_ref(),
        "--caption".as_ref(),
        "A wide slide".as_ref(),
    ]);
    env
}

/// Checks the pictures a post links to: each one a file of `folder`,
/// upright, web-sized and without EXIF.
fn check_pictures(post: &Path, folder: &Path) {
    let text = fs::read_to_string(post).unwrap();
    assert!(text.contains("![The team on stage]("), "the caption is the alt text:\n{text}");
    let links = image_links(&text);
    assert_eq!(links.len(), 2, "{text}");
    for link in links {
        let file = post.parent().unwrap().join(&link);
        assert!(file.starts_with(folder) && file.is_file(), "{link} is not a file of {}", folder.display());
        let bytes = fs::read(&file).unwrap();
        assert_eq!(exif_tags(&bytes), Vec::<exif::Tag>::new(), "{link} keeps EXIF");
        let (width, height) = dimensions(&bytes);
        assert!(width.max(height) <= 1600, "{link}: {width}×{height}");
        if width < 100 {
            // 40×20 turned a quarter: 20×40, the red half now on top.
            assert_eq!((width, height), (20, 40));
            let [red, _, blue] = pixel(&bytes, 10, 5);
            assert!(red > 150 && blue < 100, "the red half is on top");
        } else {
            assert_eq!((width, height), (1600, 500));
        }
    }
}

#[test]
fn export_in_page_bundles_has_web_sized_pictures_without_exif() {
    let env = day_with_pictures();
    let out = env.root.path().join("site");
    let said = env.transcript(["export", "md", "--per-day", out.to_str().unwrap(), "--bundle", "--day", "2"]);
    assert!(said.contains("Wrote 1 posts and 2 pictures to"), "{said}");
    let bundle = out.join(format!("{SLUG}-day-2"));
    check_pictures(&bundle.join("index.md"), &bundle);
    let mut names: Vec<_> = fs::read_dir(&bundle).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names.len(), 3, "index.md and its two pictures: {names:?}");
    // The journal keeps its originals, EXIF and all.
    let original = env.journal().join(format!("{SLUG}.assets"));
    assert!(
        fs::read_dir(original)
            .unwrap()
            .any(|e| exif_tags(&fs::read(e.unwrap().path()).unwrap()).contains(&exif::Tag::GPSLatitude))
    );
}

#[test]
fn export_without_bundles_puts_pictures_in_images() {
    let env = day_with_pictures();
    let out = env.root.path().join("posts");
    env.ok(["export", "md", "--per-day", out.to_str().unwrap()]);
    let post = out.join(format!("{SLUG}-day-2.md"));
    check_pictures(&post, &out.join("images"));
    assert!(image_links(&fs::read_to_string(&post).unwrap()).iter().all(|l| l.starts_with("images/")));
    // A smaller size on request.
    let small = env.root.path().join("small");
    env.ok(["export", "md", "--per-day", small.to_str().unwrap(), "--image-size", "100"]);
    for entry in fs::read_dir(small.join("images")).unwrap() {
        let (width, height) = dimensions(&fs::read(entry.unwrap().path()).unwrap());
        assert!(width.max(height) <= 100);
    }
}

#[test]
fn a_post_on_stdout_links_to_the_journal_s_copies_and_says_so() {
    let env = day_with_pictures();
    let output = env.cmd(["export", "md", "--day", "2"]).output().unwrap();
    assert!(output.status.success());
    let post = String::from_utf8(output.stdout.clone()).unwrap();
    let links = image_links(&post);
    assert_eq!(links.len(), 2);
    for link in links {
        assert!(link.starts_with(&format!("{SLUG}.assets/")) && env.journal().join(&link).is_file(), "{link}");
    }
    let said = env.describe(&output);
    assert!(said.contains("The post links its 2 pictures to the journal's copies in [TMP]/journal/"), "{said}");
    // --bundle needs --per-day.
    let said = fails_without_change(&env, &["export", "md", "--bundle"], 2);
    assert!(said.contains("--per-day"), "{said}");
}

#[test]
fn export_keeps_the_photos_metadata_only_when_asked() {
    let env = day_with_pictures();
    let out = env.root.path().join("kept");
    env.ok(["export", "md", "--per-day", out.to_str().unwrap(), "--keep-metadata"]);
    for entry in fs::read_dir(out.join("images")).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let tags = exif_tags(&bytes);
        assert!(tags.contains(&exif::Tag::GPSLatitude), "{tags:?}");
        // The copy is turned upright: no orientation left to apply twice.
        assert!(!tags.contains(&exif::Tag::Orientation), "{tags:?}");
        let (width, height) = dimensions(&bytes);
        assert!(width.max(height) <= 1600, "{width}×{height}");
        if width < 100 {
            // The sideways photo, upright, with the time it was taken.
            assert_eq!((width, height), (20, 40));
            assert!(tags.contains(&exif::Tag::DateTimeOriginal), "{tags:?}");
        }
    }
}
