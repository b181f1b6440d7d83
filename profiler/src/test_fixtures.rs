//! The hand-written fixtures of `tests/data/` (valid against the schemas: `tests/schema.rs`),
//! shared by the unit tests.

/// A profile of `/abs/path/main.py`: `f` hot (70% of samples, 3 overflow deopts), `Vec.add`
/// called 12000 times with 100 `not-int` deopts.
pub const PROFILE: &str = include_str!("../tests/data/main.profile.json");

/// The site map of the same build.
pub const SITES: &str = include_str!("../tests/data/main.sites.json");

/// The SHA-256 the fixtures give `/abs/path/main.py`.
pub const MAIN_SHA: &str = "abababababababababababababababababababababababababababababababab";
