//! Pictures in notes: the Markdown image that `attach` and `photos` put in
//! a session's notes, and, for an export, the image links found in notes
//! and pointed elsewhere (a page bundle, an `images/` folder). Text only:
//! which file a link names is the store's business.

use pulldown_cmark::{Event as MdEvent, Parser, Tag};

use crate::render::markdown::escape_url;

/// `![caption](link)`: the caption is the alt text, on one line, with the
/// brackets and backslashes that would end it early escaped.
pub fn image_markdown(caption: &str, link: &str) -> String {
    let mut alt = String::with_capacity(caption.len());
    for c in caption.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        match c {
            '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '!' => {
                alt.push('\\');
                alt.push(c);
            }
            c if c.is_control() => {}
            c => alt.push(c),
        }
    }
    format!("![{alt}]({})", escape_url(link))
}

/// The destinations of the images in `notes`, in order (code is not read).
pub fn image_links(notes: &str) -> Vec<String> {
    Parser::new(notes)
        .filter_map(|event| match event {
            MdEvent::Start(Tag::Image { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect()
}

/// `notes` with each image link that `target` maps to a new destination
/// pointed there; the alt text, the title and everything else stay as
/// written. Links written by reference (`![alt][ref]`) are left alone.
pub fn rewrite_image_links(notes: &str, mut target: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(notes.len());
    let mut copied = 0;
    for (event, range) in Parser::new(notes).into_offset_iter() {
        let MdEvent::Start(Tag::Image { dest_url, .. }) = event else { continue };
        if range.start < copied {
            continue;
        }
        let Some(new) = target(&dest_url) else { continue };
        let source = &notes[range.clone()];
        // The destination is written after the alt text's `](`.
        let Some(open) = source.rfind("](") else { continue };
        let Some(at) = source[open..].find(dest_url.as_ref()).map(|i| range.start + open + i) else { continue };
        out.push_str(&notes[copied..at]);
        out.push_str(&escape_url(&new));
        copied = at + dest_url.len();
    }
    out.push_str(&notes[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_alt_text_on_one_line() {
        assert_eq!(image_markdown("The [big] picture", "e.assets/a.jpg"), "![The \\[big\\] picture](e.assets/a.jpg)");
        assert_eq!(image_markdown("two\nlines", "e.assets/a.jpg"), "![two lines](e.assets/a.jpg)");
        assert_eq!(image_markdown("", "e.assets/a b.jpg"), "![](e.assets/a%20b.jpg)");
        assert_eq!(image_links(&image_markdown("x ] y", "e.assets/a.jpg")), ["e.assets/a.jpg"]);
    }

    #[test]
    fn links_are_found_and_pointed_elsewhere() {
        let notes =
            "- a jot\n\n![Slide](e.assets/a.jpg \"title\")\n\n`![code](e.assets/a.jpg)`\n\n![x](https://x.org/y.png)\n";
        assert_eq!(image_links(notes), ["e.assets/a.jpg", "https://x.org/y.png"]);
        let rewritten =
            rewrite_image_links(notes, |link| link.strip_prefix("e.assets/").map(|n| format!("images/{n}")));
        assert_eq!(
            rewritten,
            "- a jot\n\n![Slide](images/a.jpg \"title\")\n\n`![code](e.assets/a.jpg)`\n\n![x](https://x.org/y.png)\n"
        );
    }
}
