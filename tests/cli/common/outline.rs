//! A post as a reader sees its structure, read with a CommonMark parser.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a reader sees of a post's structure.
#[derive(Debug, Default)]
pub struct Outline {
    pub headings: Vec<(usize, String)>,
    pub links: Vec<(String, String)>,
    pub html: Vec<String>,
    /// Where each image points.
    pub images: Vec<String>,
    /// How many items each list has, nested lists apart.
    pub lists: Vec<usize>,
    pub tables: usize,
}

pub fn outline(markdown: &str) -> Outline {
    let mut outline = Outline::default();
    let mut heading: Option<(usize, String)> = None;
    let mut link: Option<(String, String)> = None;
    let mut depth = 0usize;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
            | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS,
    ) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level as usize, String::new())),
            Event::End(TagEnd::Heading(_)) => outline.headings.extend(heading.take()),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some((String::new(), dest_url.to_string())),
            Event::End(TagEnd::Link) => outline.links.extend(link.take()),
            Event::Start(Tag::Table(_)) => outline.tables += 1,
            Event::Start(Tag::List(_)) => {
                depth += 1;
                if depth == 1 {
                    outline.lists.push(0);
                }
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) if depth == 1 => *outline.lists.last_mut().expect("in a list") += 1,
            Event::Start(Tag::Image { dest_url, .. }) => outline.images.push(dest_url.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => outline.html.push(html.to_string()),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, t)) = heading.as_mut() {
                    t.push_str(&text);
                }
                if let Some((t, _)) = link.as_mut() {
                    t.push_str(&text);
                }
            }
            _ => {}
        }
    }
    outline
}

pub fn headings(outline: &Outline, level: usize) -> Vec<&str> {
    outline.headings.iter().filter(|(l, _)| *l == level).map(|(_, t)| t.as_str()).collect()
}
