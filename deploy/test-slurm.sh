#!/usr/bin/env bash
# Starts a single-node Slurm (slurmctld + slurmd, munge authentication) on this machine,
# submits deploy/slurm-array.sh as a 3-task array over samples/, waits, merges the shards
# and checks that they equal one local run (records, JSON Lines and CSV, up to order).
# Needs root and Debian's slurm-wlm and munge. Exit 0: equal; 1: different or failed;
# 77: Slurm cannot run here (said on stderr). Every wait is bounded.
# Usage: bash deploy/test-slurm.sh [path/to/govreport]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/govreport}")
skip() { echo "test-slurm: skipped: $*" >&2; exit 77; }
for tool in munged slurmctld slurmd sbatch squeue; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (apt-get install slurm-wlm munge)"
done
[ "$(id -u)" -eq 0 ] || skip "needs root to start munged and slurmd"
[ -x "$bin" ] || { echo "test-slurm: no binary at $bin" >&2; exit 1; }

work=$(mktemp -d /tmp/govreport-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/munged.pid" ] && kill "$(cat "$work/munged.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' TERM INT

# munge, on its own socket so that a system munged is left alone
[ -f /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
install -d -m 700 "$work/munge"
cp /etc/munge/munge.key "$work/munge/munge.key"
chmod 600 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munge/seed" \
  || skip "munged does not start: $(tail -n 3 "$work/munged.log" 2>/dev/null)"

host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemTotal/ { print int($2 / 1024 / 2) }' /proc/meminfo)
mkdir -p "$work/state" "$work/spool" "$work/out"
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=govreport-test
SlurmctldHost=$host(127.0.0.1)
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=30 State=UP
CONF
timeout 20 slurmctld -i || skip "slurmctld does not start: $(tail -n 3 "$work/slurmctld.log")"
timeout 20 slurmd || skip "slurmd does not start: $(tail -n 3 "$work/slurmd.log")"
ready=0
for _ in $(seq 60); do
  if timeout 5 sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed)'; then ready=1; break; fi
  sleep 0.5
done
[ "$ready" -eq 1 ] || skip "the node never became idle: $(tail -n 3 "$work/slurmd.log")"

job=$(timeout 20 sbatch --parsable --array=1-3 --cpus-per-task=1 --mem-per-cpu=1200M \
  --time=10 --output="$work/out/task-%a.log" --export=ALL,GOVREPORT="$bin" \
  deploy/slurm-array.sh "$work/out" "$PWD/samples")
echo "test-slurm: submitted array job $job"
for _ in $(seq 240); do
  [ -z "$(timeout 5 squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 0.5
done
[ -z "$(timeout 5 squeue -h -j "$job" 2>/dev/null)" ] || {
  echo "test-slurm: the array did not finish in 120 s" >&2; timeout 10 scancel "$job"; exit 1; }
bash deploy/merge.sh "$work/out"

"$bin" extract -q "$PWD/samples" -o "$work/local/records" \
  --jsonl "$work/local/all.jsonl" --csv "$work/local/cells.csv" || [ $? -eq 2 ]
same() { cmp -s <(sort "$1") <(sort "$2"); }
fail=0
same "$work/out/all.jsonl" "$work/local/all.jsonl" || { echo "test-slurm: JSON Lines differ" >&2; fail=1; }
same "$work/out/cells.csv" "$work/local/cells.csv" || { echo "test-slurm: CSV differs" >&2; fail=1; }
diff -r "$work/out/records" "$work/local/records" >/dev/null || { echo "test-slurm: records differ" >&2; fail=1; }
n=$(wc -l <"$work/local/all.jsonl")
for a in 1 2 3; do
  echo "test-slurm: task $a: $(wc -l <"$work/out/shards/$a.jsonl") records"
done
if [ "$fail" -eq 0 ]; then
  echo "test-slurm: ok: 3 array tasks wrote the $n records of one local run"
else
  for a in 1 2 3; do tail -n 5 "$work/out/task-$a.log" >&2 || true; done
fi
exit "$fail"
