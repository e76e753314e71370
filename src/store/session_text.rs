//! A session as a small TOML document, for `notes edit` in `$EDITOR`: the
//! text shown, and the edited text read back with every check a session
//! gets on load, plus one more: a key notes does not know is a typo here.

use std::path::Path;

use toml_edit::DocumentMut;

use crate::error::{Error, Result};
use crate::messages::{self, Text};
use crate::model::{Event, Kind, Lang, Session, Status, text};
use crate::store::record::{self, SESSION_KEYS, SessionRecord};

/// The session as TOML, without its id (not editable), under a comment
/// that says (in `lang`) how to save or cancel and which kinds and statuses
/// exist. Times are shown in the event's zone, whatever offset the file holds.
pub fn session_text(session: &Session, event: &Event, lang: Lang) -> String {
    let local = |t: Option<chrono::DateTime<chrono::FixedOffset>>| t.map(|t| event.timezone.local(&t));
    let shown = Session { at: local(session.at), end: local(session.end), ..session.clone() };
    let slug = &event.slug;
    let mut doc = DocumentMut::new();
    record::sync_table(doc.as_table_mut(), &[], record::fields(SESSION_KEYS, &shown));
    doc.remove("id");
    doc.decor_mut().set_prefix(format!(
        "# {}\n# kind: {}\n# status: {}\n\n",
        messages::editing_session(lang, session.id, slug),
        Kind::keys().join(" "),
        Status::keys().join(" "),
    ));
    doc.to_string()
}

/// Reads an edited session `id` of `event` back. The verdict is left as
/// typed: the caller resolves it against its vocabulary.
pub fn parse_session_text(text: &str, id: u32, event: &Event) -> Result<Session> {
    let rejected =
        |message: Text| Error::Rejected { what: Text::new(|lang| messages::session_number(lang, id)), message };
    let mut table: toml::Table = toml::from_str(text).map_err(|e| {
        rejected(Text::new(|lang| {
            record::parse_error(Path::new(&messages::edited_session(lang)), text, &e).message(lang)
        }))
    })?;
    if let Some(key) = table.keys().find(|k| !record::names(SESSION_KEYS).any(|name| name == k.as_str())) {
        return Err(rejected(match text::suggest(key, record::names(SESSION_KEYS)) {
            Some(s) => Text::new(|lang| messages::unknown_field_did_you_mean(lang, key, &s)),
            None => Text::new(|lang| messages::unknown_field(lang, key)),
        }));
    }
    if table.get("id").is_some_and(|v| v.as_integer() != Some(i64::from(id))) {
        return Err(rejected(Text::new(messages::session_id_cannot_change)));
    }
    table.insert("id".into(), toml::Value::Integer(i64::from(id)));
    let record: SessionRecord =
        toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| rejected(Text::verbatim(e.message())))?;
    record::session_from(record, event).map_err(|e| rejected(Text::new(|lang| e.message(lang))))
}
