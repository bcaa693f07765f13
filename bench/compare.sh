#!/usr/bin/env bash
# Runs bench/run.sh on a baseline build and then on this one, back to back on the same machine (docs/benchmarks.md):
#   bash bench/compare.sh [BASELINE]     BASELINE: a commit, default the one before HEAD (HEAD~1)
# The baseline is built in a git worktree under target/bench-baseline (tests skipped) and run by THIS checkout's
# bench scripts with BENCH_JAR pointing at its jar, so both builds meet the same load and the same write count. Every
# BENCH_* setting of run.sh applies to both runs; this build's jar is rebuilt first so it is never stale.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=$(git rev-parse --short "${1:-HEAD~1}")
tree=target/bench-baseline
if [[ ! -f "$tree/.built-$baseline" ]]; then
  git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
  git worktree prune
  git worktree add --detach "$tree" "$baseline"
  echo "Building the baseline $baseline"
  (cd "$tree" && ./mvnw -B -q -ntp -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package)
  touch "$tree/.built-$baseline"
fi
echo "Building this checkout ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', with uncommitted changes'))"
./mvnw -B -q -ntp -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package

# A run with failed requests still prints its figures; the other build runs all the same. Then, unless BENCH_FLOOR=0,
# bench/floor.sh: how far above the floor this build's create is, on the same machine in the same session.
status=0
echo; echo "=== baseline $baseline ==="
BENCH_JAR=$(ls "$tree"/target/rds-migration-gateway-*.jar | head -n 1) bash bench/run.sh || status=$?
echo; echo "=== this build ==="
BENCH_JAR=$(ls target/rds-migration-gateway-*.jar | head -n 1) bash bench/run.sh || status=$?
if [[ ${BENCH_FLOOR:-1} == 1 ]]; then
  echo; echo "=== the floor: a create's two transactions from a bare JDBC loop ==="
  BENCH_JAR=$(ls target/rds-migration-gateway-*.jar | head -n 1) bash bench/floor.sh || status=$?
fi
exit "$status"
