//! `notes team merge BASE OURS THEIRS NAME`: the merge driver git calls for
//! the journal's files (set up by `team init` and `team join`).

use std::path::PathBuf;

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages::{self, Text};
use crate::store::merge_files;

/// Merge two sides of a journal file by meaning (called by git)
#[derive(Debug, Args)]
pub struct MergeArgs {
    base: PathBuf,
    ours: PathBuf,
    theirs: PathBuf,
    /// The file's name in the journal
    name: String,
}

pub fn run(args: MergeArgs, _ctx: &mut Context) -> Result<()> {
    if merge_files(&args.base, &args.ours, &args.theirs, &args.name)? {
        return Ok(());
    }
    // Our side stays as it was, readable; git reports the conflict.
    let name = args.name;
    Err(Error::User { message: Text::new(|lang| messages::merge_left_to_you(lang, &name)), hint: None })
}
