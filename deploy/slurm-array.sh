#!/usr/bin/env bash
# Slurm job array: task K of N extracts shard K/N of the inputs into a shared folder.
#   sbatch --array=1-8 deploy/slurm-array.sh OUT INPUT... [--files-from LIST] [extract options]
# Each task writes records to OUT/records (resumable: rerun the same command after a crash
# or a preemption) and its own OUT/shards/K.jsonl and K.csv; deploy/merge.sh OUT joins them.
# GOVREPORT names the binary (default: govreport on PATH).
#SBATCH --job-name=govreport
#SBATCH --cpus-per-task=2
#SBATCH --mem-per-cpu=1200M
#SBATCH --time=24:00:00
set -euo pipefail
out=${1:?usage: sbatch --array=1-N deploy/slurm-array.sh OUT INPUT... [extract options]}
shift
: "${SLURM_ARRAY_TASK_ID:?run this script as a job array (sbatch --array=1-N)}"
first=${SLURM_ARRAY_TASK_MIN:-1}
n=${SLURM_ARRAY_TASK_COUNT:-$((SLURM_ARRAY_TASK_MAX - first + 1))}
k=$((SLURM_ARRAY_TASK_ID - first + 1))
mkdir -p "$out/shards"
status=0
"${GOVREPORT:-govreport}" extract -q -j "${SLURM_CPUS_PER_TASK:-1}" --shard "$k/$n" \
  -o "$out/records" --skip-existing \
  --jsonl "$out/shards/$k.jsonl" --csv "$out/shards/$k.csv" "$@" || status=$?
# 2 = some inputs failed (their records are written): the task itself succeeded.
if [ "$status" -eq 2 ]; then status=0; fi
exit "$status"
