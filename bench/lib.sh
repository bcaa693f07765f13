#!/usr/bin/env bash
# Shared steps of the benchmark scripts (sourced, not run): the jar, PostgreSQL as .ci/run starts it, a fresh database,
# and a gateway on it. The callers set `set -euo pipefail` and run from the repository root.

pg_host=127.0.0.1
pg_port=5432

# Builds the jar when it (or the compiled classes the load generators use) is missing; sets `jar`.
bench_jar() {
  jar=$(ls target/rds-migration-gateway-*.jar 2>/dev/null | head -n 1 || true)
  if [[ -z "$jar" || ! -f target/classes/com/rdsmigration/gateway/rds/signing/RequestSigner.class ]]; then
    echo "Building the gateway jar"
    ./mvnw -B -q -ntp -DskipTests package
    jar=$(ls target/rds-migration-gateway-*.jar | head -n 1)
  fi
}

bench_psql() { PGOPTIONS='--client-min-messages=warning' psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U postgres "$@"; }

# Starts the local PostgreSQL when it is not running, then drops and recreates the database named $1.
bench_fresh_database() {
  if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
    echo "PostgreSQL is not running; starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do
      pg_isready -q -h "$pg_host" -p "$pg_port" && break
      sleep 1
    done
    pg_isready -h "$pg_host" -p "$pg_port"
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
  trap bench_stop_gateway EXIT
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

# One line naming the machine: cores, CPU model, JVM.
bench_machine() {
  echo "$(nproc) x $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); $(java -version 2>&1 | head -n 1)"
}
