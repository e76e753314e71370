//! Time zones: an IANA zone, read from jiff's bundled database.
//!
//! The rest of the code speaks chrono; this is the one bridge. (A zone
//! database made of pointer tables costs every run its relocation at
//! start-up; jiff's is compact data, read only for the zone used.)

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, TimeZone as _, Timelike, Utc};
use jiff::tz::TimeZone;

/// A name that is not an IANA time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone '{0}' (expected an IANA name like Europe/Paris)")]
pub struct UnknownZone(pub String);

/// An IANA time zone ("Europe/Paris").
#[derive(Clone, PartialEq, Eq)]
pub struct Zone(TimeZone);

impl Zone {
    pub const UTC: Zone = Zone(TimeZone::UTC);

    /// The zone named `name`, if the database knows it.
    pub fn parse(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        TimeZone::get(name).ok().map(Zone)
    }

    /// The zone named `name`, or an error that says what a name looks like.
    pub fn named(name: &str) -> Result<Zone, UnknownZone> {
        Zone::parse(name).ok_or_else(|| UnknownZone(name.to_string()))
    }

    /// The zone of a place a schedule names, such as Sched's locations
    /// ("Entrance C, Amsterdam, Netherlands"): the first comma-separated part
    /// that is the city of an IANA zone (Europe/Amsterdam). Offline, from
    /// the zone database; `None` for a city without a zone of its own.
    pub fn of_place(place: &str) -> Option<Zone> {
        const CONTINENTS: [&str; 9] =
            ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];
        let parts: Vec<String> = place
            .split(',')
            .map(|part| part.trim().replace(' ', "_").to_ascii_lowercase())
            .filter(|part| part.len() > 2)
            .collect();
        let db = jiff::tz::db();
        parts.iter().find_map(|part| {
            db.available()
                .find(|name| {
                    let name = name.as_str();
                    let (continent, city) = name.split_once('/').unwrap_or(("", name));
                    CONTINENTS.contains(&continent)
                        && city.rsplit('/').next().is_some_and(|city| city.eq_ignore_ascii_case(part))
                })
                .and_then(|name| Zone::parse(name.as_str()))
        })
    }

    /// The system's zone, when it has an IANA name.
    pub fn system() -> Option<Zone> {
        TimeZone::try_system().ok().filter(|tz| tz.iana_name().is_some()).map(Zone)
    }

    pub fn name(&self) -> &str {
        self.0.iana_name().unwrap_or("UTC")
    }

    /// The offset from UTC at `instant`.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        let timestamp = jiff::Timestamp::new(instant.timestamp(), 0).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        FixedOffset::east_opt(self.0.to_offset(timestamp).seconds()).unwrap_or(FixedOffset::east_opt(0).expect("zero"))
    }

    /// `instant` as a wall-clock time of this zone.
    pub fn local<Tz: chrono::TimeZone>(&self, instant: &DateTime<Tz>) -> DateTime<FixedOffset> {
        let utc = instant.with_timezone(&Utc);
        utc.with_timezone(&self.offset_at(utc))
    }

    /// The instant a wall-clock time of this zone names. In a gap (the hour
    /// skipped in spring) the time after the gap; in an overlap the first.
    pub fn from_local(&self, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        let civil = jiff::civil::DateTime::new(
            i16::try_from(local.year()).ok()?,
            i8::try_from(local.month()).ok()?,
            i8::try_from(local.day()).ok()?,
            i8::try_from(local.hour()).ok()?,
            i8::try_from(local.minute()).ok()?,
            i8::try_from(local.second()).ok()?,
            0,
        )
        .ok()?;
        let timestamp = self.0.to_ambiguous_timestamp(civil).compatible().ok()?;
        let utc = Utc.timestamp_opt(timestamp.as_second(), 0).single()?;
        Some(utc.with_timezone(&self.offset_at(utc)))
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_across_dst() {
        let paris = Zone::parse("Europe/Paris").unwrap();
        assert_eq!(paris.name(), "Europe/Paris");
        let winter = "2024-03-20T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(paris.local(&winter).to_rfc3339(), "2024-03-20T11:00:00+01:00");
        let summer = "2024-07-20T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(paris.local(&summer).to_rfc3339(), "2024-07-20T12:00:00+02:00");
        let local = NaiveDateTime::parse_from_str("2024-03-31 02:30", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(paris.from_local(local).unwrap().to_rfc3339(), "2024-03-31T03:30:00+02:00", "in the gap");
        assert!(Zone::parse("Paris/France").is_none());
        assert_eq!(Zone::parse("Etc/GMT-1").unwrap().offset_at(winter).local_minus_utc(), 3600);
    }
}
