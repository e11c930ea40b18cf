//! The tables generated from the data file by `build.rs` (see error-catalogue-build).
#![allow(clippy::unreadable_literal, clippy::large_const_arrays)]

include!(concat!(env!("OUT_DIR"), "/error_catalogue.rs"));
