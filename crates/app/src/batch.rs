//! The parallel pass: a rayon pool hands inputs to worker processes while the caller
//! receives the records one by one, in input order, as soon as each is ready.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::input::Input;
use crate::pipeline::Extraction;
use crate::worker::{Pool, Spec};

/// Extracts every input on `jobs` threads (0 = all cores), each keeping one worker process
/// busy (see [`crate::worker`]), and calls `sink` with each
/// extraction in input order; `sink` can stop the batch (the files not yet started are
/// skipped). Records are not collected: memory stays flat over a batch.
pub fn run(
    inputs: &[Input],
    workers: &Spec,
    jobs: usize,
    mut sink: impl FnMut(usize, &Input, Extraction) -> ControlFlow<()>,
) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("govreport-{i}"))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let workers = Pool::new(workers.clone());
    let (tx, rx) = mpsc::channel::<(usize, Extraction)>();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.install(|| {
                inputs
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, input)| {
                        if !stop.load(Ordering::Relaxed) {
                            let _ = tx.send((i, workers.extract(input)));
                        }
                    });
            });
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        'receive: for (i, extraction) in rx {
            waiting.insert(i, extraction);
            while let Some(extraction) = waiting.remove(&next) {
                if sink(next, &inputs[next], extraction).is_break() {
                    stop.store(true, Ordering::Relaxed);
                    break 'receive;
                }
                next += 1;
            }
        }
    });
    Ok(())
}
