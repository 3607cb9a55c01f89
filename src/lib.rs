//! Examples and integration tests of the ctg workspace.
//!
//! This package exists so that the top-level `examples/` and `tests/` folders are
//! cargo targets. It offers the helpers they share.

use std::path::PathBuf;

/// The absolute path of a file under the repository's `tests/fixtures/` folder.
pub fn fixture(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(relative)
}

/// The absolute path of a file under the repository's root.
pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The absolute path of a file under the shared real-data folder, `../shared/` beside the
/// repository (as in CI). Set `CTG_SHARED_DIR` to use another folder, e.g. when the
/// repository is a git worktree that has no `shared/` beside it.
pub fn shared_path(relative: &str) -> PathBuf {
    match std::env::var_os("CTG_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir).join(relative),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("shared")
            .join(relative),
    }
}

/// The README's code examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
