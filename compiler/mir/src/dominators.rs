//! Dominator tree.
