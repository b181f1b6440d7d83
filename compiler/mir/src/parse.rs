//! The MIR text reader (inverse of [`crate::display`]).
