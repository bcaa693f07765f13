#!/usr/bin/env bash
# The gateway's load benchmark (docs/benchmarks.md), in one run on PostgreSQL: builds the jar if it is missing, makes
# sure PostgreSQL is up, recreates the database `bench`, starts the gateway against it (default profile otherwise:
# simulator and demo keys on), runs the scenarios of bench/LoadGenerator.java, stops the gateway and prints the figures
# and the machine. Exits non-zero when the gateway does not come up or a scenario has more than 0.1% failed requests.
#
# Settings, all optional:
#   BENCH_WARMUP=60 BENCH_DURATION=20  seconds of warm-up and of measurement, per scenario (60 s: C2 is still
#                                       compiling the create path after 30)
#   BENCH_RATE=200                      requests a second of the fixed-rate (open-loop) scenarios
#   BENCH_CONCURRENCY=16                workers of the saturated (closed-loop) scenarios
#   BENCH_SCENARIOS=...                 a subset of sim-create-max,gw-create-max,sim-create-rate,gw-create-rate,gw-get-max
#   BENCH_PORT                          the gateway's port (default: the first free one from 18080)
#   BENCH_WRITES=1                      first count PostgreSQL's write transactions and row writes per create (bench/writes.sh);
#                                       0 skips it (it takes about a minute)
#   BENCH_JAR                           the gateway jar to run (default: this build's, built when missing), e.g. a
#                                       baseline build's (bench/compare.sh)
#   BENCH_GATEWAY_OPTS                  extra JVM options of the gateway (space-separated), e.g. for limits of later
#                                       features that the benchmark must raise far above its own load. The upstream
#                                       rate limits and the daily task limit are raised by the script itself.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
source bench/writes.sh

warmup=${BENCH_WARMUP:-60}
duration=${BENCH_DURATION:-20}
rate=${BENCH_RATE:-200}
concurrency=${BENCH_CONCURRENCY:-16}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=bench/results
mkdir -p "$results"
log="$results/gateway-$stamp.log"
json="$results/$stamp.json"

bench_jar
bench_fresh_database bench
bench_port

# The upstream rate limits (10 writes and 100 reads a second by default), the daily task limit (1000) and each team's
# API request rate (50 a second) would throttle the benchmark itself: raised out of the way, while each upstream call
# still takes its permit from the shared slot row, each create its place under the daily limit in PostgreSQL and each
# request a token of its team's bucket, as in production.
limits_raised="-Drds.rate-limits.writes-per-second=1000000 -Drds.rate-limits.reads-per-second=1000000"
limits_raised="$limits_raised -Dgateway.quota.daily-task-limit=1000000000"
# The simulator keeps at most 10,000 running imports (rds.simulator.max-tasks), which sim-create-max passes within seconds.
limits_raised="$limits_raised -Drds.simulator.max-tasks=1000000"
# shellcheck disable=SC2086 # both hold several options
bench_start_gateway bench "$log" $limits_raised ${BENCH_GATEWAY_OPTS:-}

if [[ ${BENCH_WRITES:-1} == 1 ]]; then
  echo "Counting PostgreSQL writes per create (about a minute)"
  bench_writes bench "$results/writes-$stamp.json"
fi

echo "Running: ${warmup} s warm-up + ${duration} s measured per scenario, rate $rate/s, concurrency $concurrency"
status=0
java -cp target/classes bench/LoadGenerator.java --base "http://127.0.0.1:$port" --warmup "$warmup" \
  --duration "$duration" --rate "$rate" --concurrency "$concurrency" --server-pid "$gateway" --out "$json" \
  --machine "$(bench_machine)" ${BENCH_SCENARIOS:+--scenarios "$BENCH_SCENARIOS"} || status=$?
bench_stop_gateway

echo
echo "machine: $(bench_machine), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | sed 's/^/  /'
echo "gateway log: $log ($(grep -c ' ERROR ' "$log" || true) ERROR lines)"
echo "results: $json$([[ ${BENCH_WRITES:-1} == 1 ]] && echo " and $results/writes-$stamp.json")"
[[ $status -eq 0 ]] || echo "FAILED: the load generator exited with status $status" >&2
exit "$status"
