//! The one place that reads the clock. `NOTES_NOW` (RFC 3339) replaces it,
//! to replay a conference day or to pin time in tests.

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::messages;
use crate::model::storable;

pub fn now() -> Result<DateTime<Utc>> {
    match std::env::var("NOTES_NOW") {
        Ok(value) if !value.trim().is_empty() => {
            let now = DateTime::parse_from_rfc3339(value.trim()).ok().and_then(storable);
            now.map(|t| t.with_timezone(&Utc)).ok_or(Error::BadValue { input: value, message: messages::bad_notes_now })
        }
        _ => Ok(Utc::now()),
    }
}
