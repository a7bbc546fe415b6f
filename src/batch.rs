//! The parallel pass: a rayon pool extracts inputs while the caller receives the records
//! one by one, in input order, as soon as each is ready.

use std::collections::BTreeMap;
use std::sync::mpsc;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::input::Input;
use crate::pipeline::{Extraction, Options, extract};

/// Extracts every input on `jobs` threads (0 = all cores) and calls `sink` with each
/// extraction in input order. Records are not collected: memory stays flat over a batch.
pub fn run(
    inputs: &[Input],
    options: &Options,
    jobs: usize,
    mut sink: impl FnMut(usize, &Input, Extraction),
) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("govreport-{i}"))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let (tx, rx) = mpsc::channel::<(usize, Extraction)>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            pool.install(|| {
                inputs
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, input)| {
                        let _ = tx.send((i, extract(input, options)));
                    });
            });
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, extraction) in rx {
            waiting.insert(i, extraction);
            while let Some(extraction) = waiting.remove(&next) {
                sink(next, &inputs[next], extraction);
                next += 1;
            }
        }
    });
    Ok(())
}
