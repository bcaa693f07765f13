#!/usr/bin/env bash
# Shared steps of the benchmark scripts (sourced, not run): the jar, PostgreSQL as .ci/run starts it, a fresh database,
# and a gateway on it. The callers set `set -euo pipefail` and run from the repository root.

pg_host=127.0.0.1
pg_port=5432
bench_private_pg=()

# The jar to run: BENCH_JAR when set, else this build's. Builds the jar when it (or the compiled classes the load generators use) is missing; sets `jar`.
bench_jar() {
  if [[ -n "${BENCH_JAR:-}" ]]; then
    jar=$BENCH_JAR
    [[ -f target/classes/com/rdsmigration/gateway/rds/signing/RequestSigner.class ]] || ./mvnw -B -q -ntp compile
    return
  fi
  jar=$(ls target/rds-migration-gateway-*.jar 2>/dev/null | head -n 1 || true)
  if [[ -z "$jar" || ! -f target/classes/com/rdsmigration/gateway/rds/signing/RequestSigner.class ]]; then
    echo "Building the gateway jar"
    ./mvnw -B -q -ntp -DskipTests package
    jar=$(ls target/rds-migration-gateway-*.jar | head -n 1)
  fi
}

bench_psql() { PGOPTIONS='--client-min-messages=warning' psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U postgres "$@"; }

# Starts a PostgreSQL cluster of the benchmark's own (initdb'd under /tmp on port BENCH_PG_PORT, default 5499; stopped
# when the script exits) unless one is up there, then drops and recreates the database named $1. A cluster of its own
# because transaction ids are counted per cluster (bench/writes.sh): builds or tests on the machine's PostgreSQL would
# be counted as the gateway's. Same binaries and defaults as the machine's (fsync and synchronous_commit on).
bench_fresh_database() {
  pg_port=${BENCH_PG_PORT:-5499}
  if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
    local bin dir=/tmp/rds-gateway-bench-pg
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    echo "Starting a PostgreSQL cluster for the benchmark on port $pg_port ($dir)"
    rm -rf "$dir" && mkdir -p "$dir"
    local as=()
    if [[ $(id -u) == 0 ]]; then chown postgres "$dir" && as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log"
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $pg_port -c listen_addresses=$pg_host \
      -c unix_socket_directories=$dir -c max_connections=100" start >/dev/null
    bench_private_pg=("${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
    trap bench_cleanup EXIT
  fi
  bench_psql -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"
}

# The first free port from 18080, or BENCH_PORT; sets `port`.
bench_port() {
  port=${BENCH_PORT:-18080}
  if [[ -z "${BENCH_PORT:-}" ]]; then
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  fi
}

# Starts the gateway jar (default profile: simulator and demo keys on) on database $1, port $port, logging to $2, with
# the JVM options that follow; waits until it is ready (BENCH_START_TIMEOUT seconds, default 180: Flyway may be
# building indexes on a large table) and stops it when the script exits. Sets `gateway` (its pid). The per-team
# request rate limit of the gateway's own API is raised out of the way (a benchmark is one team sending far more than
# any team should), while each request still takes its token, as in production.
bench_start_gateway() {
  local database=$1 log=$2
  shift 2
  echo "Starting the gateway on port $port (log: $log)"
  env -u SPRING_PROFILES_ACTIVE SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$database" \
    SPRING_DATASOURCE_USERNAME=postgres \
    java -Xmx1g -Dgateway.security.rate-limit.requests-per-second=1000000 \
    -Dgateway.security.rate-limit.burst=1000000 "$@" -jar "$jar" --server.port="$port" >"$log" 2>&1 &
  gateway=$!
  trap bench_cleanup EXIT
  for _ in $(seq 1 "${BENCH_START_TIMEOUT:-180}"); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null && return 0
    if ! kill -0 "$gateway" 2>/dev/null; then
      echo "The gateway exited during start-up; the end of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "The gateway did not become ready within ${BENCH_START_TIMEOUT:-180} s; see $log" >&2
  exit 1
}

bench_stop_gateway() {
  if [[ -n "${gateway:-}" ]] && kill -0 "$gateway" 2>/dev/null; then
    kill "$gateway"
    wait "$gateway" 2>/dev/null || true
  fi
}

# Stops the gateway and the benchmark's own PostgreSQL cluster, if this script started them: the EXIT trap.
bench_cleanup() {
  bench_stop_gateway
  if [[ ${#bench_private_pg[@]} -gt 0 ]]; then
    "${bench_private_pg[@]}" >/dev/null || true
    bench_private_pg=()
  fi
}

# One line naming the machine: cores, CPU model, JVM.
bench_machine() {
  echo "$(nproc) x $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); $(java -version 2>&1 | head -n 1)"
}
