//! Pictures as bytes: which format they are (by content, never by name),
//! whether they are whole, when they were taken (EXIF), and their web copy
//! (EXIF orientation applied, resized, re-encoded with no metadata left).
//!
//! It knows nothing of the journal, of sessions or of files: callers read
//! the bytes and say where they come from when a problem is reported.

use std::io::Cursor;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, TimeDelta};
use image::{DynamicImage, ImageFormat, ImageReader, imageops::FilterType, metadata::Orientation};

use crate::messages::{self, Text};

/// Largest picture read: a 50-megapixel camera's JPEG is about 25 MB.
pub const MAX_PICTURE_BYTES: u64 = 50 * 1024 * 1024;

/// The longest side of a web copy, unless told otherwise.
pub const WEB_SIZE: u32 = 1600;

/// Quality of a web copy's JPEG: no visible loss at screen size.
const JPEG_QUALITY: u8 = 85;

/// The formats notes keeps and exports: what cameras and screenshots make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    /// The extension of the journal's copy.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
        }
    }
}

/// Why bytes are not a picture notes can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a JPEG or PNG, whatever the name says.
    NotAPicture,
    /// A JPEG or PNG that stops before its end.
    Truncated,
    /// Its header or its pixels do not decode.
    Damaged(String),
}

impl Problem {
    pub fn text(&self) -> Text {
        match self {
            Problem::NotAPicture => Text::new(messages::not_a_picture),
            Problem::Truncated => Text::new(messages::picture_truncated),
            Problem::Damaged(detail) => Text::new(|lang| messages::picture_damaged(lang, detail)),
        }
    }
}

/// The format of `bytes`, read from their first bytes (magic numbers).
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    match image::guess_format(bytes).ok()? {
        ImageFormat::Jpeg => Some(Format::Jpeg),
        ImageFormat::Png => Some(Format::Png),
        _ => None,
    }
}

/// Checks that `bytes` are a whole JPEG or PNG, without decoding the
/// pixels (a 40-megapixel photo takes a second to decode): the format by
/// content, a header that reads, and its structure walked to its end
/// marker (a JPEG's EOI, a PNG's IEND), so a copy cut short is refused.
/// What follows the end (the video of a phone's motion photo) is allowed.
pub fn check(bytes: &[u8]) -> Result<Format, Problem> {
    let format = sniff(bytes).ok_or(Problem::NotAPicture)?;
    let whole = match format {
        Format::Jpeg => jpeg_is_whole(bytes),
        Format::Png => png_is_whole(bytes),
    };
    if !whole {
        return Err(Problem::Truncated);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(format.image_format());
    match reader.into_dimensions() {
        Ok((width, height)) if width > 0 && height > 0 => Ok(format),
        Ok(_) => Err(Problem::Damaged(String::new())),
        Err(error) => Err(Problem::Damaged(error.to_string())),
    }
}

/// Walks a JPEG's segments from its start to the EOI of its image:
/// headers by their lengths, scans to the next marker that is not a
/// stuffed byte or a restart (an EXIF thumbnail's own EOI sits inside a
/// segment and is skipped with it).
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let mut at = 2; // after SOI
    loop {
        // A marker: 0xFF (fill bytes may repeat it), then its code.
        let Some(start) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == 0xFF)) else { return false };
        at += start;
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else { return false };
        at += 1;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(&[high, low]) = bytes.get(at..at + 2) else { return false };
        let length = usize::from(u16::from_be_bytes([high, low]));
        if length < 2 || at + length > bytes.len() {
            return false;
        }
        at += length;
        if marker == 0xDA {
            // Entropy-coded data, up to a marker that ends it.
            loop {
                let Some(found) = bytes[at..].iter().position(|&b| b == 0xFF) else { return false };
                at += found;
                match bytes.get(at + 1) {
                    None => return false,
                    Some(0x00 | 0xD0..=0xD7) => at += 2,
                    Some(_) => break,
                }
            }
        }
    }
}

/// Walks a PNG's chunks by their lengths to IEND.
fn png_is_whole(bytes: &[u8]) -> bool {
    let mut at = 8; // after the signature
    while let Some(header) = bytes.get(at..at + 8) {
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let end = at.saturating_add(12).saturating_add(length);
        if end > bytes.len() {
            return false;
        }
        if &header[4..8] == b"IEND" {
            return true;
        }
        at = end;
    }
    false
}

/// When a picture was taken, as its EXIF says: the camera's wall-clock
/// time, and its offset from UTC when the camera wrote one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub local: NaiveDateTime,
    pub offset: Option<FixedOffset>,
}

impl Taken {
    /// The same moment with a camera clock that was `correction` off.
    pub fn corrected(self, correction: TimeDelta) -> Taken {
        Taken { local: self.local + correction, ..self }
    }
}

/// `DateTimeOriginal` (else `DateTimeDigitized`) with `OffsetTimeOriginal`
/// (else `OffsetTimeDigitized`), if the picture has them.
pub fn taken(bytes: &[u8]) -> Option<Taken> {
    let exif = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)).ok()?;
    let ascii = |tag| match exif.get_field(tag, exif::In::PRIMARY).map(|f| &f.value) {
        Some(exif::Value::Ascii(parts)) => parts.first().cloned(),
        _ => None,
    };
    let pairs = [
        (exif::Tag::DateTimeOriginal, exif::Tag::OffsetTimeOriginal),
        (exif::Tag::DateTimeDigitized, exif::Tag::OffsetTimeDigitized),
    ];
    pairs.into_iter().find_map(|(time_tag, offset_tag)| {
        let mut time = exif::DateTime::from_ascii(&ascii(time_tag)?).ok()?;
        let offset = ascii(offset_tag).and_then(|o| time.parse_offset(&o).ok().and(time.offset));
        let date = NaiveDate::from_ymd_opt(i32::from(time.year), u32::from(time.month), u32::from(time.day))?;
        let local = date.and_hms_opt(u32::from(time.hour), u32::from(time.minute), u32::from(time.second))?;
        let offset = offset.and_then(|minutes| FixedOffset::east_opt(i32::from(minutes) * 60));
        Some(Taken { local, offset })
    })
}

/// The EXIF orientation of a picture (1, upright, when it has none).
fn orientation(bytes: &[u8]) -> Orientation {
    let exif = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)).ok();
    let value = exif.and_then(|e| e.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?.value.get_uint(0));
    value.and_then(|v| u8::try_from(v).ok()).and_then(Orientation::from_exif).unwrap_or(Orientation::NoTransforms)
}

/// The EXIF of a JPEG to carry into its web copy: every field of the
/// picture itself (camera, times, GPS position), not its thumbnail, and no
/// orientation (the copy is turned upright). `None` when there is none,
/// or none that can be written back.
fn kept_exif(bytes: &[u8]) -> Option<Vec<u8>> {
    let exif = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)).ok()?;
    let mut writer = exif::experimental::Writer::new();
    let mut kept = 0;
    for field in exif.fields().filter(|f| f.ifd_num == exif::In::PRIMARY && f.tag != exif::Tag::Orientation) {
        writer.push_field(field);
        kept += 1;
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, exif.little_endian()).ok()?;
    (kept > 0).then(|| out.into_inner())
}

/// A picture for the web: turned upright as its EXIF orientation says,
/// its longest side brought down to `max_side` (never enlarged), and
/// re-encoded in its own format. Nothing of the original's metadata
/// (GPS position, camera, times) survives, unless `keep_metadata`: then a
/// JPEG keeps its EXIF but the orientation.
pub fn web_copy(bytes: &[u8], max_side: u32, keep_metadata: bool) -> Result<(Vec<u8>, Format), Problem> {
    let format = check(bytes)?;
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(format.image_format());
    let mut picture = reader.decode().map_err(|e| Problem::Damaged(e.to_string()))?;
    picture.apply_orientation(orientation(bytes));
    let max_side = max_side.max(1);
    if picture.width().max(picture.height()) > max_side {
        picture = picture.resize(max_side, max_side, FilterType::CatmullRom);
    }
    let mut out = Vec::new();
    let written = match format {
        Format::Jpeg => {
            // JPEG has no alpha: a grey picture stays grey, anything else is RGB.
            let flat = match picture {
                DynamicImage::ImageLuma8(_) => picture,
                other => DynamicImage::ImageRgb8(other.to_rgb8()),
            };
            let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            if let Some(exif) = keep_metadata.then(|| kept_exif(bytes)).flatten() {
                image::ImageEncoder::set_exif_metadata(&mut encoder, exif).expect("JPEG takes EXIF");
            }
            flat.write_with_encoder(encoder)
        }
        Format::Png => picture.write_to(&mut Cursor::new(&mut out), ImageFormat::Png),
    };
    written.map_err(|e| Problem::Damaged(e.to_string()))?;
    Ok((out, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(width, height, image::Rgb([200, 10, 10])));
        let mut out = Vec::new();
        picture.write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg).unwrap();
        out
    }

    #[test]
    fn formats_are_read_from_content() {
        assert_eq!(check(&jpeg(8, 4)), Ok(Format::Jpeg));
        assert_eq!(check(b"hello, I am a text file named photo.jpg"), Err(Problem::NotAPicture));
        let whole = jpeg(64, 64);
        for cut in [whole.len() / 2, whole.len() - 1, 30] {
            assert_eq!(check(&whole[..cut]), Err(Problem::Truncated), "cut at {cut}");
        }
        assert_eq!(check(&[]), Err(Problem::NotAPicture));
        // A motion photo: a video after the picture's end.
        let mut motion = whole.clone();
        motion.extend_from_slice(&[0x42; 5000]);
        assert_eq!(check(&motion), Ok(Format::Jpeg));
        let mut png = Vec::new();
        let black = DynamicImage::ImageRgb8(image::RgbImage::new(9, 9));
        black.write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
        assert_eq!(check(&png), Ok(Format::Png));
        assert_eq!(check(&png[..png.len() - 4]), Err(Problem::Truncated));
    }

    #[test]
    fn web_copies_are_never_enlarged_and_keep_their_ratio() {
        let (small, _) = web_copy(&jpeg(40, 20), 1600, false).unwrap();
        let small = image::load_from_memory(&small).unwrap();
        assert_eq!((small.width(), small.height()), (40, 20));
        let (big, _) = web_copy(&jpeg(400, 100), 100, false).unwrap();
        let big = image::load_from_memory(&big).unwrap();
        assert_eq!((big.width(), big.height()), (100, 25));
    }

    #[test]
    fn a_picture_without_exif_has_no_time() {
        assert_eq!(taken(&jpeg(8, 8)), None);
    }
}
