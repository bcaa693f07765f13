#!/usr/bin/env bash
# How fast a page of GET /api/v1/audit-events is at ten million audit events (docs/benchmarks.md). Recreates the
# database `auditbench`, starts the gateway on it (so Flyway builds the schema and indexes as shipped), bulk-loads
# AUDIT_ROWS realistic events into audit_event (its indexes dropped for the load and rebuilt from their own definitions
# afterwards), then times pages through the API with bench/AuditPageBench.java: for every filter on its own, the first
# page and a page about AUDIT_DEPTH events deep reached by following nextPageToken. Target: p95 <= 50 ms for each.
#
# The events: 399 days of them in time order (as the gateway writes them); 10% the gateway's own background calls,
# 30% team-a, 15% team-b, the rest over 18 more teams and 0.01% team-rare; reads the bulk of the actions (55%
# DescribeCloudMigrationResult, 1% ActivateMigrationTargetInstance); 97% SUCCEEDED, 2.5% FAILED, 0.5% UNKNOWN; tasks
# of about 40 events each, plus one migration read every 40th event of the last 60 days (about 37,000 events).
#
# Settings, all optional:
#   AUDIT_ROWS=10000000   events to load
#   AUDIT_DEPTH=200000    how deep the deep page is (or the last page of a filter with fewer events)
#   AUDIT_SAMPLES=200     timed requests of each first and deep page
#   AUDIT_KEEP=1          keep the database afterwards (to run it again: AUDIT_REUSE=1 skips the load)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

rows=${AUDIT_ROWS:-10000000}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
log="bench/results/audit-gateway-$stamp.log"
json="bench/results/audit-page-$stamp.json"

bench_jar
if [[ -z "${AUDIT_REUSE:-}" ]]; then
  bench_fresh_database auditbench
fi
bench_port
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-1200} bench_start_gateway auditbench "$log"

if [[ -z "${AUDIT_REUSE:-}" ]]; then
  indexes=$(bench_psql -d auditbench -At -c "select indexdef || ';' from pg_indexes
    where tablename = 'audit_event' and indexname <> 'audit_event_pkey'")
  echo "Loading $rows audit events (the schema's $(wc -l <<<"$indexes") indexes and primary key rebuilt afterwards)"
  bench_psql -d auditbench -c "alter table audit_event drop constraint audit_event_pkey" \
    -c "$(sed -E 's/^create index ([a-z_]+) .*/drop index \1;/I' <<<"$indexes")"
  time bench_psql -d auditbench -c "select setseed(0.20261203)" -c "
    insert into audit_event (id, occurred_at, team, principal, action, attempt, outcome, http_status, upstream_code,
                             upstream_request_id, import_id, task_id, task_name, duration_ms, correlation_id, parameters)
    select gen_random_uuid(), at, team, coalesce('key of ' || team, 'system'), action,
           case when outcome = 'SUCCEEDED' and ro > 0.965 then 2 else 1 end, outcome,
           case outcome when 'SUCCEEDED' then 200 when 'FAILED' then (array[400, 403, 503])[1 + i % 3] end,
           case when outcome = 'FAILED' then (array['InvalidParameter', 'IncorrectDBInstanceState',
                                                    'ServiceUnavailable'])[1 + i % 3] end,
           case when outcome <> 'UNKNOWN' then upper(gen_random_uuid()::text) end,
           case when action in ('ImportDatabaseBetweenInstances', 'CancelImport') then (100000000 + i / 40)::text end,
           case when hot then 999999 when action like '%Migration%' then 100000 + i / 40 end,
           case when hot then 'hot-migration' when action like '%Migration%' then 'migrate-' || (i / 40) end,
           case when outcome = 'UNKNOWN' then 30000 else 20 + (random() * 300)::int end,
           md5(i::text),
           format('{\"Action\":\"%s\",\"DBInstanceId\":\"pgm-%s\",\"SourceIP\":\"10.0.%s.%s\",'
                  '\"SourcePassword\":\"******\",\"SourcePort\":\"5432\",\"TaskName\":\"migrate-%s\"}',
                  action, i / 40, i % 250, i % 200, i / 40)
    from (
      select i, at, ro, hot,
             case when hot then null when rt < 0.10 then null when rt < 0.40 then 'team-a' when rt < 0.55 then 'team-b'
                  when rt < 0.9999 then 'team-' || chr(99 + floor((rt - 0.55) / 0.4499 * 18)::int) else 'team-rare'
             end as team,
             case when hot or ra < 0.55 then 'DescribeCloudMigrationResult'
                  when ra < 0.75 then 'DescribeCloudMigrationPrecheckResult'
                  when ra < 0.83 then 'ImportDatabaseBetweenInstances'
                  when ra < 0.90 then 'CreateCloudMigrationPrecheckTask'
                  when ra < 0.95 then 'CreateCloudMigrationTask'
                  when ra < 0.99 then 'CancelImport' else 'ActivateMigrationTargetInstance' end as action,
             case when ro < 0.97 then 'SUCCEEDED' when ro < 0.995 then 'FAILED' else 'UNKNOWN' end as outcome
      from (
        select i, random() as rt, random() as ra, random() as ro,
               now() - interval '399 days' * (1 - i::float8 / $rows) + random() * interval '1 second' as at,
               i > $rows - $rows * 60 / 399 and i % 40 = 7 as hot
        from generate_series(1, $rows) as i) as drawn) as events"
  echo "Rebuilding the indexes"
  time bench_psql -d auditbench -c "set maintenance_work_mem = '1GB'" -c "alter table audit_event add primary key (id)" \
    -c "$indexes" -c "vacuum analyze audit_event"
fi
bench_psql -d auditbench -At -c "select pg_size_pretty(pg_total_relation_size('audit_event')) || ' in '
  || count(*) || ' events' from audit_event"

day() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
admin=demo-admin-key
import_id=$(bench_psql -d auditbench -At -c "select import_id from audit_event where import_id is not null
  order by occurred_at desc limit 1 offset 5000")
echo "Timing pages (${AUDIT_SAMPLES:-200} samples each, deep = ${AUDIT_DEPTH:-200000} events or the last page)"
java bench/AuditPageBench.java --base "http://127.0.0.1:$port" --samples "${AUDIT_SAMPLES:-200}" \
  --depth "${AUDIT_DEPTH:-200000}" --out "$json" --machine "$(bench_machine)" \
  "unfiltered (admin)|$admin|" \
  "own team (team-a key)|demo-team-a-key|" \
  "team=team-b (admin)|$admin|team=team-b" \
  "team=team-rare (0.01%)|$admin|team=team-rare" \
  "action=DescribeCloudMigrationResult|$admin|action=DescribeCloudMigrationResult" \
  "action=ActivateMigration… (1%)|$admin|action=ActivateMigrationTargetInstance" \
  "own team + action=Activate…|demo-team-a-key|action=ActivateMigrationTargetInstance" \
  "action=NoSuchAction (no event)|$admin|action=NoSuchAction" \
  "outcome=SUCCEEDED|$admin|outcome=SUCCEEDED" \
  "outcome=FAILED (2.5%)|$admin|outcome=FAILED" \
  "outcome=UNKNOWN (0.5%)|$admin|outcome=UNKNOWN" \
  "from (last 30 days)|$admin|from=$(day '30 days ago')" \
  "to (older than 300 days)|$admin|to=$(day '300 days ago')" \
  "from+to (one day)|$admin|from=$(day '200 days ago')&to=$(day '199 days ago')" \
  "resourceId=TaskName (37k events)|$admin|resourceId=hot-migration" \
  "resourceId=TaskId (37k events)|$admin|resourceId=999999" \
  "resourceId=ImportId|$admin|resourceId=$import_id"
bench_stop_gateway
[[ -n "${AUDIT_KEEP:-}" ]] || bench_psql -d postgres -c "drop database auditbench with (force)"
echo "machine: $(bench_machine), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $json"
