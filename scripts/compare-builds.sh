#!/usr/bin/env bash
# Compares two commits side by side, for trials that must not cost size or
# speed (docs/architecture.md, "Tried and not adopted"): the release wasm's
# size, and the plan editor's keystroke on 200 actions (bench-plan.mjs) in
# alternating runs, so both see the same machine.
#
#   scripts/compare-builds.sh BASE TRIAL [PAIRS]     e.g. main experiment/stores 7
#
# Each commit is built in its own worktree under target/compare, sharing
# this checkout's tools and cargo's target folder. Run `make setup` first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=$1 trial=$2 pairs=${3:-7}
out=$root/target/compare
mkdir -p "$out"
export PATH=$root/.tools/npm/node_modules/.bin:$root/.tools/bin:$PATH

build() {
  local name=$1 rev=$2 dir=$out/$1
  if [ -d "$dir" ]; then git worktree remove --force "$dir"; fi
  git worktree add --detach "$dir" "$rev" >/dev/null
  ln -s "$root/.tools" "$dir/.tools"
  (cd "$dir" && CARGO_TARGET_DIR=$root/target make -s build-dist >"$out/$name.log" 2>&1) \
    || { echo "build of $rev failed: $out/$name.log"; exit 1; }
  local wasm
  wasm=$(ls "$dir"/dist/*.wasm)
  printf '%-6s %-24s wasm %9d bytes, %7d brotli\n' "$name" "$rev" \
    "$(stat -c%s "$wasm")" "$(brotli -q 11 -c "$wasm" | wc -c)"
}

build base "$base"
build trial "$trial"
RUSTC_BOOTSTRAP=1 cargo run -q --example sample_cases -- 1 200 >"$out/cases-plan200.json"
cd tests/e2e
for i in $(seq "$pairs"); do
  for name in base trial; do
    printf '%-6s ' "$name"
    DIST_DIR=$out/$name/dist BENCH_DIR=$out node bench-plan.mjs | grep 'keystroke to updated'
  done
done | tee "$out/runs.txt"
cd "$root"
# The median over the runs of each run's median and p95.
middle() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for name in base trial; do
  grep "^$name " "$out/runs.txt" | sed -E 's/.*median ([0-9.]+) ms, p95 ([0-9.]+) ms.*/\1 \2/' >"$out/$name.times"
  printf '%-6s median of the medians %s ms, of the p95s %s ms; p95 over 8 ms in %d of %d runs\n' "$name" \
    "$(cut -d' ' -f1 "$out/$name.times" | middle)" "$(cut -d' ' -f2 "$out/$name.times" | middle)" \
    "$(awk '$2 > 8' "$out/$name.times" | wc -l)" "$(wc -l <"$out/$name.times")"
done
git worktree remove --force "$out/base"
git worktree remove --force "$out/trial"
