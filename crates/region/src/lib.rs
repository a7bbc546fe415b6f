//! Places a Chinese government body on the map: the GB/T 2260 division it belongs to, its
//! level and its kind, from its name, its report's title or its report's text.
//!
//! The division list (county level and above, with coordinates) is compiled in from
//! `data/divisions.tsv`; see the crate's README for its source and for how ambiguous and
//! renamed names are handled.

mod agency;
mod chain;
mod context;
mod index;
mod names;
mod place;
mod region;
mod scan;

pub use agency::AgencyKind;
pub use place::{AgencyLevel, Placement, place};
pub use region::{Level, Region, by_code};
