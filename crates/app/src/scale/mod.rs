//! Batches past one machine: input lists (`--files-from`), disjoint stable shards
//! (`--shard K/N`) and resuming from the records already written (`--skip-existing`).

pub mod list;
pub mod resume;
pub mod shard;
