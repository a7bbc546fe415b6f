//! `--shard K/N`: the K-th of N disjoint parts of the inputs, chosen by a hash of each
//! input's output name (its path relative to its argument), so that adding files never
//! moves the others between shards.

use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::input::Input;

/// One shard of N (K counts from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, 1 ≤ k ≤ n.
    pub k: u64,
    /// How many parts.
    pub n: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("--shard takes K/N with 1 ≤ K ≤ N, e.g. 3/8 (got {s:?})");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (k, n) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if k == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }
}

impl Shard {
    /// Whether `input` belongs to this shard.
    pub fn holds(&self, input: &Input) -> bool {
        use std::os::unix::ffi::OsStrExt;
        let digest = Sha256::digest(input.output_name.as_os_str().as_bytes());
        let mut head = [0u8; 8];
        head.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(head) % self.n == self.k - 1
    }

    /// The inputs of this shard, in their order.
    pub fn select(&self, inputs: Vec<Input>) -> Vec<Input> {
        inputs.into_iter().filter(|i| self.holds(i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn inputs(names: impl Iterator<Item = String>) -> Vec<Input> {
        names
            .map(|n| Input {
                path: PathBuf::from(format!("in/{n}.pdf")),
                format: None,
                output_name: PathBuf::from(format!("{n}.json")),
            })
            .collect()
    }

    #[test]
    fn shards_are_disjoint_and_cover_every_input() {
        let all = inputs((0..2000).map(|i| format!("d{}/r{i}", i % 7)));
        for n in [1, 2, 3, 8, 64] {
            let mut seen = vec![0; all.len()];
            for k in 1..=n {
                let shard = Shard { k, n };
                for (i, input) in all.iter().enumerate() {
                    seen[i] += usize::from(shard.holds(input));
                }
            }
            assert!(
                seen.iter().all(|&c| c == 1),
                "n = {n}: every input in exactly one shard"
            );
        }
        let sizes: Vec<usize> = (1..=8)
            .map(|k| Shard { k, n: 8 }.select(all.clone()).len())
            .collect();
        assert!(sizes.iter().all(|&s| (150..=350).contains(&s)), "{sizes:?}");
    }

    #[test]
    fn adding_files_moves_no_other_file_between_shards() {
        let before = inputs((0..500).map(|i| format!("r{i}")));
        let after = inputs((0..1000).map(|i| format!("r{i}")));
        for k in 1..=5 {
            let shard = Shard { k, n: 5 };
            let old = shard.select(before.clone());
            let new = shard.select(after.clone());
            assert!(old.iter().all(|i| new.contains(i)));
            assert!(new.iter().filter(|i| before.contains(i)).count() == old.len());
        }
    }

    #[test]
    fn shard_arguments_are_checked() {
        assert_eq!("2/5".parse::<Shard>(), Ok(Shard { k: 2, n: 5 }));
        for bad in ["0/5", "6/5", "5", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
