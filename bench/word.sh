#!/usr/bin/env bash
# Word files: how long a LibreOffice conversion takes per file, against reading a .docx
# directly. Converts each committed .doc/.odt/.rtf sample R times (default 5) with soffice
# alone (a fresh profile each time, then one reused profile), then runs govreport extract
# over R copies of them (-j1 and all cores) and over R copies of the .docx samples.
# Needs: LibreOffice (soffice), GNU time (/usr/bin/time).
# Usage: bash bench/word.sh [R]
set -euo pipefail
cd "$(dirname "$0")/.."
r=${1:-5}
cargo build --release -q
bin=$PWD/target/release/govreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t conv < <(ls samples/*.doc samples/*.odt samples/*.rtf samples/*.wps 2>/dev/null)
mapfile -t docx < <(ls samples/*.docx)
echo "$(soffice --version | head -1); ${#conv[@]} files to convert, ${#docx[@]} .docx; $r rounds; $(nproc) cores"
per_file() { # label, files, command...
  local label=$1 files=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys <"$work/time"
  awk -v l="$label" -v w="$wall" -v c="$(echo "$user + $sys" | bc)" -v n="$files" 'BEGIN {
    printf "%-52s %4d files %7.2f s wall %7.3f s/file %7.3f cpu-s/file\n", l, n, w, w / n, c / n }'
}
soffice_loop() { # fresh|reused
  for ((i = 0; i < r; i++)); do
    for f in "${conv[@]}"; do
      [ "$1" = fresh ] && rm -rf "$work/profile"
      soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to docx \
        --outdir "$work/out" "$f" >/dev/null 2>&1
    done
  done
}
export -f soffice_loop
export r work
conv_list=$(printf '%q ' "${conv[@]}")
per_file "soffice --convert-to docx, fresh profile each" $((r * ${#conv[@]})) \
  bash -c "conv=($conv_list); $(declare -f soffice_loop); soffice_loop fresh"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to docx --outdir "$work/out" "${conv[0]}" >/dev/null 2>&1
per_file "soffice --convert-to docx, one reused profile" $((r * ${#conv[@]})) \
  bash -c "conv=($conv_list); $(declare -f soffice_loop); soffice_loop reused"
mkdir -p "$work/c" "$work/d"
for ((i = 0; i < r; i++)); do
  for f in "${conv[@]}"; do ln -s "$PWD/$f" "$work/c/$i-$(basename "$f")"; done
  for f in "${docx[@]}"; do ln -s "$PWD/$f" "$work/d/$i-$(basename "$f")"; done
done
per_file "govreport extract -j1 (convert + read + parse)" $((r * ${#conv[@]})) \
  "$bin" extract -q -j1 "$work/c" --jsonl /dev/null
per_file "govreport extract -j$(nproc) (convert + read + parse)" $((r * ${#conv[@]})) \
  "$bin" extract -q "$work/c" --jsonl /dev/null
per_file "govreport extract -j1 on .docx (read + parse)" $((r * ${#docx[@]})) \
  "$bin" extract -q -j1 "$work/d" --jsonl /dev/null
