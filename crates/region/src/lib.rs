//! Places a Chinese government body on the map: its GB/T 2260 division, level and kind.
#![doc = ""]
#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod agency;
mod chain;
mod context;
mod division;
mod index;
mod names;
mod place;
mod region;
mod scan;

pub use agency::AgencyKind;
pub use place::{AgencyLevel, Placement, place, place_in_year, without_places};
pub use region::{Level, Region, all, by_code};
