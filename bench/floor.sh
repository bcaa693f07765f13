#!/usr/bin/env bash
# The database floor of a create (docs/benchmarks.md, "The floor"): bench/DatabaseFloor.java runs the two transactions
# of a create, with the gateway's SQL, from a bare JDBC loop on the benchmark's PostgreSQL cluster (the one
# bench/run.sh uses: same binaries and defaults), in a fresh database `floor` migrated with the gateway's scripts, with
# the PostgreSQL driver out of the gateway's jar (built first when missing). Prints, per scenario, creates a second,
# latency, and the CPU one create costs the loop and the cluster. About 3.5 minutes.
#
# Settings, all optional: BENCH_WARMUP=30 BENCH_DURATION=20 (seconds per scenario; the loop is small, the JIT done
# well within 30 s), BENCH_RATE=200, BENCH_CONCURRENCY=16, BENCH_CONNECTIONS=10 (the gateway's pool size),
# BENCH_BATCH=8 (creates per transaction of the what-if scenario), BENCH_PG_PORT as for bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh

bench_jar
if pg_isready -q -h "$pg_host" -p "${BENCH_PG_PORT:-5499}"; then
  echo "Note: a PostgreSQL cluster is already up on port ${BENCH_PG_PORT:-5499}; measuring on it as it is" >&2
fi
bench_fresh_database floor

work=$(mktemp -d)
trap 'rm -rf "$work"; bench_cleanup' EXIT
driver=$(unzip -Z1 "$jar" 'BOOT-INF/lib/postgresql-*.jar' 2>/dev/null | head -n 1 || true)
if [[ -z "$driver" ]]; then
  echo "No PostgreSQL driver in $jar" >&2
  exit 1
fi
unzip -p "$jar" "$driver" >"$work/$(basename "$driver")"

# The cluster's CPU is its postmaster's and all its children's; the first line of postmaster.pid names it.
postmaster=$(head -n 1 "$(bench_psql -d floor -Atc 'show data_directory')/postmaster.pid" 2>/dev/null || echo 0)

echo "machine: $(bench_machine), load average $(cut -d' ' -f1-3 /proc/loadavg); driver $(basename "$driver")"
java -cp "$work/$(basename "$driver")" bench/DatabaseFloor.java \
  --jdbc "jdbc:postgresql://$pg_host:$pg_port/floor?user=postgres" --postmaster "$postmaster" \
  --warmup "${BENCH_WARMUP:-30}" --duration "${BENCH_DURATION:-20}" --rate "${BENCH_RATE:-200}" \
  --concurrency "${BENCH_CONCURRENCY:-16}" --connections "${BENCH_CONNECTIONS:-10}" --batch "${BENCH_BATCH:-8}"
