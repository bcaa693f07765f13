#!/usr/bin/env bash
# What one create costs PostgreSQL (sourced by bench/run.sh, not run): write transactions and row writes per
# `POST /api/v1/imports`, without and with an Idempotency-Key. Sends BENCH_WRITES_CREATES (default 200) sequential
# creates to the gateway on $port and reads two counters of the database $1 before and after:
#   - transaction ids consumed: the xmax of a fresh snapshot (the next id to be assigned; reading it assigns none). A
#     transaction that writes nothing gets no id, so this counts exactly the write transactions;
#   - row writes: inserts + updates + deletes of pg_stat_user_tables, read once every backend has reported them (a
#     busy backend reports at most once a second, an idle one within 10 s, so each reading waits 11 s).
# The background (the gateway's pollers and purges, idle) is measured over a window as long as the creates took and
# subtracted. Prints one line per case and appends them as JSON to the file $2.

bench_counters() {
  bench_psql -d "$1" -Atc "select pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
    coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables" | tr '|' ' '
}

# Sends $1 sequential creates, with an Idempotency-Key when $2 is "key"; exits on the first that is not 201.
bench_creates() {
  local count=$1 with=$2 i status key_header=()
  for ((i = 0; i < count; i++)); do
    [[ $with == key ]] && key_header=(-H "Idempotency-Key: bench-$RANDOM-$RANDOM-$i-$(date +%s%N)")
    status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/imports" \
      -H 'X-API-Key: demo-team-a-key' -H 'Content-Type: application/json' "${key_header[@]}" \
      -d "{\"sourceInstanceId\":\"rm-a-w$with$i-$RANDOM\",\"targetInstanceId\":\"rm-a-t$with$i-$RANDOM\",\"databases\":[\"sales\"]}")
    if [[ $status != 201 ]]; then
      echo "A create answered $status instead of 201" >&2
      return 1
    fi
  done
}

# Measures one window of $2 seconds (idle when $3 is empty, else $3 creates of kind $4); prints "xids rows seconds".
bench_window() {
  local database=$1 seconds=$2 creates=${3:-} with=${4:-} before after started elapsed
  sleep 11 # every backend has reported what came before
  read -r -a before <<<"$(bench_counters "$database")"
  started=$(date +%s%N)
  if [[ -n $creates ]]; then bench_creates "$creates" "$with"; else sleep "$seconds"; fi
  elapsed=$(( $(date +%s%N) - started ))
  read -r -a after <<<"$(bench_counters "$database")" # the transactions, before the wait lets reports in
  local xids=$((after[0] - before[0]))
  sleep 11
  read -r -a after <<<"$(bench_counters "$database")"
  echo "$xids $((after[1] - before[1])) $elapsed"
}

bench_writes() {
  local database=$1 out=$2 creates=${BENCH_WRITES_CREATES:-200} warm idle nokey key
  bench_creates 50 none # the first creates of a day also insert the day's quota and usage rows
  bench_creates 50 key
  warm=$(bench_window "$database" 0 "$creates" none) # a timing of the loop, for the idle window's length
  read -r -a warm <<<"$warm"
  idle=$(bench_window "$database" "$(awk -v ns="${warm[2]}" 'BEGIN { printf "%.1f", ns / 1e9 }')")
  nokey=$(bench_window "$database" 0 "$creates" none)
  key=$(bench_window "$database" 0 "$creates" key)
  awk -v creates="$creates" -v idle="$idle" -v nokey="$nokey" -v key="$key" -v out="$out" 'BEGIN {
    split(idle, i, " "); split(nokey, n, " "); split(key, k, " ")
    # background per nanosecond, charged for each window as long as that window took
    bx = i[1] / i[3]; br = i[2] / i[3]
    nx = (n[1] - bx * n[3]) / creates; nr = (n[2] - br * n[3]) / creates
    kx = (k[1] - bx * k[3]) / creates; kr = (k[2] - br * k[3]) / creates
    printf "per create, %d sequential creates each (background %.2f transactions and %.2f row writes a second, subtracted):\n", creates, bx * 1e9, br * 1e9
    printf "  without Idempotency-Key: %.2f write transactions, %.2f row writes\n", nx, nr
    printf "  with Idempotency-Key:    %.2f write transactions, %.2f row writes\n", kx, kr
    printf "{\"creates\": %d, \"backgroundTransactionsPerSecond\": %.3f, \"backgroundRowWritesPerSecond\": %.3f,", creates, bx * 1e9, br * 1e9 > out
    printf " \"withoutKey\": {\"transactions\": %.2f, \"rowWrites\": %.2f}, \"withKey\": {\"transactions\": %.2f, \"rowWrites\": %.2f}}\n", nx, nr, kx, kr > out
  }'
}
