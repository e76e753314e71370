//! Text helpers shared by the importers: iCalendar unfolding, decoding,
//! HTML to plain text, durations.

use chrono::Duration;

use super::ImportError;

/// Removes iCalendar line folds (CRLF or LF followed by a space or tab) on
/// bytes, before decoding.
pub fn unfold(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let fold = match bytes[i..] {
            [b'\r', b'\n', b' ' | b'\t', ..] => 3,
            [b'\n', b' ' | b'\t', ..] => 2,
            _ => 0,
        };
        if fold > 0 {
            i += fold;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// UTF-8 text; invalid bytes are replaced (and reported as lossy) unless
/// the file looks binary.
pub fn decode(bytes: &[u8]) -> Result<(String, bool), ImportError> {
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Ok((text, false)),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|c| *c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace())).count();
            if bad * 100 > text.chars().count().max(1) {
                return Err(ImportError::Binary);
            }
            Ok((text, true))
        }
    }
}

/// Plain text from a field that may hold HTML: tags removed (block ends
/// become line breaks), entities decoded, blank runs collapsed.
pub fn html_to_text(input: &str) -> String {
    let input = input.replace("\r\n", "\n").replace('\r', "\n");
    let mut text = String::with_capacity(input.len());
    let mut rest = input.as_str();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/').to_ascii_lowercase();
        let name = tag.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
        if matches!(name, "br" | "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "tr") {
            text.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let decoded = html_escape::decode_html_entities(&text).replace('\u{a0}', " ");
    let lines: Vec<&str> = decoded.lines().map(str::trim).collect();
    let mut out = String::new();
    let mut blank = 0;
    for line in lines {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// No session lasts longer than this: a longer duration is a broken file.
const LONGEST: i64 = 14 * 24 * 3600;

/// `seconds` as a duration, if it is a plausible length for a session.
fn plausible(seconds: Option<i64>) -> Option<Duration> {
    seconds.filter(|s| (0..=LONGEST).contains(s)).map(Duration::seconds)
}

/// "0:45", "01:00", "15:00" or "00:05:00".
pub fn parse_clock_duration(input: &str) -> Option<Duration> {
    let parts: Vec<i64> = input.trim().split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let seconds = match parts.as_slice() {
        [h, m] => h.checked_mul(3600).and_then(|h| h.checked_add(m.checked_mul(60)?)),
        [h, m, s] => h.checked_mul(3600).and_then(|h| h.checked_add(m.checked_mul(60)?)?.checked_add(*s)),
        _ => None,
    };
    plausible(seconds)
}

/// ISO 8601 / RFC 5545 durations: "PT45M", "P1DT2H", "PT1H30M", "P1W".
pub fn parse_iso_duration(input: &str) -> Option<Duration> {
    // A negative duration ends a talk before it starts: no end at all.
    let rest = input.trim().trim_start_matches('+').strip_prefix('P')?;
    let mut total: i64 = 0;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => {}
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let unit = match c {
                    'W' => 7 * 24 * 3600,
                    'D' => 24 * 3600,
                    'H' => 3600,
                    'M' => 60,
                    _ => 1,
                };
                total = total.checked_add(n.checked_mul(unit)?)?;
            }
            _ => return None,
        }
    }
    if number.is_empty() { plausible(Some(total)) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolds_on_bytes_even_inside_a_character() {
        // "’" is E2 80 99; the fold splits it.
        let folded = b"DESCRIPTION:l\xE2\r\n \x80\x99an\r\nUID:1";
        assert_eq!(String::from_utf8(unfold(folded)).unwrap(), "DESCRIPTION:l’an\r\nUID:1");
        assert_eq!(unfold(b"A\n\tB"), b"AB");
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(html_to_text("<p>Hello&nbsp;<b>world</b> &amp; co</p><p>Two</p>"), "Hello world & co\n\nTwo");
        assert_eq!(html_to_text("a <script>alert(1)</script> b"), "a alert(1) b");
        assert_eq!(html_to_text("x\r\n\r\n\r\ny"), "x\n\ny");
        assert_eq!(html_to_text("1 < 2"), "1 < 2");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_clock_duration("1:00"), Some(Duration::hours(1)));
        assert_eq!(parse_clock_duration("15:00"), Some(Duration::hours(15)));
        assert_eq!(parse_clock_duration("00:05:00"), Some(Duration::minutes(5)));
        assert_eq!(parse_clock_duration("soon"), None);
        assert_eq!(parse_iso_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_iso_duration("P1DT2H"), Some(Duration::hours(26)));
        assert_eq!(parse_iso_duration("PT"), Some(Duration::zero()));
        assert_eq!(parse_iso_duration("1H"), None);
        assert_eq!(parse_iso_duration("PT9999999999999999H"), None);
        assert_eq!(parse_clock_duration("3000000000:00"), None);
    }
}
