#!/usr/bin/env bash
# The gateway's load benchmark (docs/benchmarks.md), in one run on PostgreSQL: builds the jar if it is missing, makes
# sure PostgreSQL is up, recreates the database `bench`, starts the gateway against it (default profile otherwise:
# simulator and demo keys on), runs the scenarios of bench/LoadGenerator.java, stops the gateway and prints the figures
# and the machine. Exits non-zero when the gateway does not come up or a scenario has more than 0.1% failed requests.
#
# Settings, all optional:
#   BENCH_WARMUP=30 BENCH_DURATION=20  seconds of warm-up and of measurement, per scenario
#   BENCH_RATE=200                      requests a second of the fixed-rate (open-loop) scenarios
#   BENCH_CONCURRENCY=16                workers of the saturated (closed-loop) scenarios
#   BENCH_SCENARIOS=...                 a subset of sim-create-max,gw-create-max,sim-create-rate,gw-create-rate,gw-get-max
#   BENCH_PORT                          the gateway's port (default: the first free one from 18080)
#   BENCH_GATEWAY_OPTS                  extra JVM options of the gateway (space-separated), e.g. for limits of later
#                                       features that the benchmark must raise far above its own load. The upstream
#                                       rate limits and the daily task limit are raised by the script itself.
set -euo pipefail
cd "$(dirname "$0")/.."

warmup=${BENCH_WARMUP:-30}
duration=${BENCH_DURATION:-20}
rate=${BENCH_RATE:-200}
concurrency=${BENCH_CONCURRENCY:-16}
pg_host=127.0.0.1
pg_port=5432
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=bench/results
mkdir -p "$results"
log="$results/gateway-$stamp.log"
json="$results/$stamp.json"

jar=$(ls target/rds-migration-gateway-*.jar 2>/dev/null | head -n 1 || true)
if [[ -z "$jar" || ! -f target/classes/com/rdsmigration/gateway/rds/signing/RequestSigner.class ]]; then
  echo "Building the gateway jar"
  ./mvnw -B -q -ntp -DskipTests package
  jar=$(ls target/rds-migration-gateway-*.jar | head -n 1)
fi

# PostgreSQL as .ci/run starts it, with a fresh database `bench`.
if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
  echo "PostgreSQL is not running; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h "$pg_host" -p "$pg_port" && break
    sleep 1
  done
  pg_isready -h "$pg_host" -p "$pg_port"
fi
PGOPTIONS='--client-min-messages=warning' psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U postgres \
  -d postgres -c "drop database if exists bench with (force)" -c "create database bench"

port=${BENCH_PORT:-18080}
if [[ -z "${BENCH_PORT:-}" ]]; then
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
fi

# The upstream rate limits (10 writes and 100 reads a second by default), the daily task limit (1000) and each team's
# API request rate (50 a second) would throttle the benchmark itself: raised out of the way, while each upstream call
# still takes its permit from the shared bucket, each create its place under the daily limit in PostgreSQL and each
# request a token of its team's bucket, as in production.
limits_raised="-Drds.rate-limits.writes-per-second=1000000 -Drds.rate-limits.reads-per-second=1000000"
limits_raised="$limits_raised -Dgateway.quota.daily-task-limit=1000000000"
limits_raised="$limits_raised -Dgateway.security.rate-limit.requests-per-second=1000000"
limits_raised="$limits_raised -Dgateway.security.rate-limit.burst=1000000"
echo "Starting the gateway on port $port (log: $log)"
# shellcheck disable=SC2086 # BENCH_GATEWAY_OPTS holds several options
env -u SPRING_PROFILES_ACTIVE SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/bench" \
  SPRING_DATASOURCE_USERNAME=postgres \
  java -Xmx1g $limits_raised ${BENCH_GATEWAY_OPTS:-} -jar "$jar" --server.port="$port" >"$log" 2>&1 &
gateway=$!
stop_gateway() {
  if kill -0 "$gateway" 2>/dev/null; then
    kill "$gateway"
    wait "$gateway" 2>/dev/null || true
  fi
}
trap stop_gateway EXIT

for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null && break
  if ! kill -0 "$gateway" 2>/dev/null; then
    echo "The gateway exited during start-up; the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" || {
  echo "The gateway did not become ready within 180 s; see $log" >&2
  exit 1
}

cpu=$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)
jvm=$(java -version 2>&1 | head -n 1)
echo "Running: ${warmup} s warm-up + ${duration} s measured per scenario, rate $rate/s, concurrency $concurrency"
status=0
java -cp target/classes bench/LoadGenerator.java --base "http://127.0.0.1:$port" --warmup "$warmup" \
  --duration "$duration" --rate "$rate" --concurrency "$concurrency" --server-pid "$gateway" --out "$json" \
  --machine "$(nproc) x $cpu; $jvm" ${BENCH_SCENARIOS:+--scenarios "$BENCH_SCENARIOS"} || status=$?
stop_gateway

echo
echo "machine: $(nproc) cores ($cpu), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | sed 's/^/  /'
echo "gateway log: $log ($(grep -c ' ERROR ' "$log" || true) ERROR lines)"
echo "results: $json"
[[ $status -eq 0 ]] || echo "FAILED: the load generator exited with status $status" >&2
exit "$status"
