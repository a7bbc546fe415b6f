//! The application: one input through read → parse → verify → record (in a worker process,
//! bounded in time and memory), batches of inputs, and what users read: JSON, CSV, the
//! batch page, golden diffs and comparisons across years.

pub mod batch;
pub mod compare;
pub mod corrections;
pub mod filehash;
pub mod input;
pub mod output;
pub mod page;
pub mod pipeline;
pub mod scale;
pub mod worker;
