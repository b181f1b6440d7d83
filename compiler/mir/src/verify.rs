//! The MIR verifier.
