//! Photos made by the tests (and the benchmark): a small JPEG or PNG from
//! the `image` crate, with an EXIF APP1 segment written by kamadak-exif's
//! writer put right after the JPEG's start marker, as cameras do.

// Shared by the tests and the benchmark, each using a part of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Cursor;

use exif::{Field, In, Rational, Tag, Value};
use image::{DynamicImage, ImageFormat, RgbImage};

/// What a test photo says about itself.
#[derive(Debug, Clone, Default)]
pub struct Photo {
    pub width: u32,
    pub height: u32,
    /// Makes the pixels (and so the content hash) differ.
    pub seed: u8,
    /// `DateTimeOriginal`, as EXIF writes it: "2024:03:20 11:10:00".
    pub taken: Option<String>,
    /// `OffsetTimeOriginal`: "+01:00".
    pub offset: Option<String>,
    /// EXIF `Orientation` (6: turn 90° clockwise to view).
    pub orientation: Option<u16>,
    /// A GPS position (the Eiffel tower), which no export may keep.
    pub gps: bool,
    /// Pixels of noise, which compress as little as a real photo's.
    pub noisy: bool,
}

impl Photo {
    pub fn new(seed: u8) -> Self {
        Photo { width: 40, height: 20, seed, ..Photo::default() }
    }

    pub fn taken(self, taken: impl Into<String>) -> Self {
        Photo { taken: Some(taken.into()), ..self }
    }

    pub fn offset(self, offset: impl Into<String>) -> Self {
        Photo { offset: Some(offset.into()), ..self }
    }

    pub fn orientation(self, orientation: u16) -> Self {
        Photo { orientation: Some(orientation), ..self }
    }

    pub fn gps(self) -> Self {
        Photo { gps: true, ..self }
    }

    pub fn noisy(self) -> Self {
        Photo { noisy: true, ..self }
    }

    pub fn size(self, width: u32, height: u32) -> Self {
        Photo { width, height, ..self }
    }

    fn pixels(&self) -> DynamicImage {
        let seed = self.seed;
        if self.noisy {
            let mut state = u32::from(seed) | 1;
            let picture = RgbImage::from_fn(self.width, self.height, |_, _| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let [a, b, c, _] = state.to_le_bytes();
                image::Rgb([a, b, c])
            });
            return DynamicImage::ImageRgb8(picture);
        }
        // The left half red, the right half blue: orientation shows.
        let picture = RgbImage::from_fn(self.width, self.height, |x, y| {
            if x < self.width / 2 { image::Rgb([220, seed, (y % 256) as u8]) } else { image::Rgb([seed, 20, 220]) }
        });
        DynamicImage::ImageRgb8(picture)
    }

    /// The EXIF block (a TIFF structure), if the photo says anything.
    pub fn exif(&self) -> Option<Vec<u8>> {
        let ascii = |tag, text: &str| Field { tag, ifd_num: In::PRIMARY, value: Value::Ascii(vec![text.into()]) };
        let rationals = |tag, values: &[(u32, u32)]| Field {
            tag,
            ifd_num: In::PRIMARY,
            value: Value::Rational(values.iter().map(|&(num, denom)| Rational { num, denom }).collect()),
        };
        let mut fields = vec![ascii(Tag::Make, "NotesCam")];
        if let Some(taken) = &self.taken {
            fields.push(ascii(Tag::DateTimeOriginal, taken));
        }
        if let Some(offset) = &self.offset {
            fields.push(ascii(Tag::OffsetTimeOriginal, offset));
        }
        if let Some(orientation) = self.orientation {
            fields.push(Field { tag: Tag::Orientation, ifd_num: In::PRIMARY, value: Value::Short(vec![orientation]) });
        }
        if self.gps {
            fields.push(ascii(Tag::GPSLatitudeRef, "N"));
            fields.push(rationals(Tag::GPSLatitude, &[(48, 1), (51, 1), (2964, 100)]));
            fields.push(ascii(Tag::GPSLongitudeRef, "E"));
            fields.push(rationals(Tag::GPSLongitude, &[(2, 1), (17, 1), (4008, 100)]));
        }
        let mut writer = exif::experimental::Writer::new();
        for field in &fields {
            writer.push_field(field);
        }
        let mut tiff = Cursor::new(Vec::new());
        writer.write(&mut tiff, false).unwrap();
        Some(tiff.into_inner())
    }

    /// The photo as a JPEG, its EXIF in an APP1 segment after SOI.
    pub fn jpeg(&self) -> Vec<u8> {
        let mut plain = Vec::new();
        self.pixels().to_rgb8().write_to(&mut Cursor::new(&mut plain), ImageFormat::Jpeg).unwrap();
        let Some(tiff) = self.exif() else { return plain };
        let mut segment = b"Exif\0\0".to_vec();
        segment.extend_from_slice(&tiff);
        let length = u16::try_from(segment.len() + 2).unwrap();
        let mut out = plain[..2].to_vec(); // SOI
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&segment);
        out.extend_from_slice(&plain[2..]);
        out
    }

    /// The photo as a PNG (no EXIF).
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.pixels().write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }
}

/// Width and height of a picture file.
pub fn dimensions(bytes: &[u8]) -> (u32, u32) {
    let picture = image::load_from_memory(bytes).unwrap();
    (picture.width(), picture.height())
}

/// The EXIF fields a picture file still carries (none when it has no EXIF).
pub fn exif_tags(bytes: &[u8]) -> Vec<Tag> {
    match exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        Ok(exif) => exif.fields().map(|f| f.tag).collect(),
        Err(_) => Vec::new(),
    }
}

/// The colour at (x, y), for orientation checks.
pub fn pixel(bytes: &[u8], x: u32, y: u32) -> [u8; 3] {
    image::load_from_memory(bytes).unwrap().to_rgb8().get_pixel(x, y).0
}
