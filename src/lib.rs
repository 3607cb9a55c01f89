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
