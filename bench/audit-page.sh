#!/usr/bin/env bash
# How fast a page of GET /api/v1/audit-events is at ten million audit events (docs/benchmarks.md): creates the database
# `auditbench` with the gateway's audit_event table (Flyway V6 as shipped), fills it with 10,000,000 events over 400
# days, 20 teams and the 7 actions, and runs EXPLAIN ANALYZE on the queries AuditStore makes for a page: the newest page,
# a team's page deep in the table (keyset token), and a resourceId lookup.
#   AUDIT_ROWS=10000000 (default)   how many events
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${AUDIT_ROWS:-10000000}
psql_bench() { PGOPTIONS='--client-min-messages=warning' psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

psql_bench -d postgres -c "drop database if exists auditbench with (force)" -c "create database auditbench"
# The table as V6 makes it, filled first and indexed afterwards (much faster than inserting into the indexes), then
# given exactly V6's indexes and primary key.
grep -v "^create index" src/main/resources/db/migration/V6__create_audit_event.sql \
  | sed 's/id                  uuid primary key,/id                  uuid not null,/' >"${TMPDIR:-/tmp}/audit-table.sql"
psql_bench -d auditbench -f "${TMPDIR:-/tmp}/audit-table.sql"
echo "Inserting $rows audit events"
time psql_bench -d auditbench -c "
  insert into audit_event (id, occurred_at, team, principal, action, attempt, outcome, http_status, upstream_request_id,
                           import_id, task_id, task_name, duration_ms, correlation_id, parameters)
  select gen_random_uuid(),
         now() - (random() * interval '400 days'),
         'team-' || (i % 20),
         'key of team-' || (i % 20),
         (array['ImportDatabaseBetweenInstances','CancelImport','CreateCloudMigrationPrecheckTask',
                'DescribeCloudMigrationPrecheckResult','CreateCloudMigrationTask','DescribeCloudMigrationResult',
                'ActivateMigrationTargetInstance'])[1 + i % 7],
         1, 'SUCCEEDED', 200, md5(i::text),
         case when i % 7 = 0 then (1000000000 + i)::text end,
         case when i % 7 in (2, 4) then i end,
         case when i % 7 in (2, 4) then 'task-' || i end,
         40, md5((i * 7)::text), '{\"DBInstanceId\":\"pgm-x\"}'
  from generate_series(1, $rows) as i"
grep "^create index" src/main/resources/db/migration/V6__create_audit_event.sql >"${TMPDIR:-/tmp}/audit-indexes.sql"
echo "Indexing"
time psql_bench -d auditbench -c "set maintenance_work_mem = '512MB'" -c "alter table audit_event add primary key (id)" \
  -f "${TMPDIR:-/tmp}/audit-indexes.sql" -c "analyze audit_event"

explain() {
  echo "== $1"
  psql_bench -d auditbench -At -c "explain (analyze, buffers) $2" | grep -E "Index|Seq Scan|Execution Time|Planning Time"
}
token=$(psql_bench -d auditbench -At -c "select occurred_at || '|' || id from audit_event where team = 'team-7'
  order by occurred_at desc, id desc offset 200000 limit 1")
at=${token%%|*}
id=${token##*|}
explain "newest page, any team (admin)" \
  "select * from audit_event where 1 = 1 order by occurred_at desc, id desc limit 21"
explain "team-7, page after the 200,000th of its events (the keyset condition AuditStore sends)" \
  "select * from audit_event where team = 'team-7' and (occurred_at, id) < ('$at', '$id')
   order by occurred_at desc, id desc limit 21"
explain "the same page with an OR instead of a row comparison (what a first version sent)" \
  "select * from audit_event where team = 'team-7' and (occurred_at < '$at' or (occurred_at = '$at' and id < '$id'))
   order by occurred_at desc, id desc limit 21"
explain "one action in the last day" \
  "select * from audit_event where action = 'CancelImport' and occurred_at >= now() - interval '1 day'
   order by occurred_at desc, id desc limit 21"
explain "resourceId (a TaskName)" \
  "select * from audit_event where (import_id = 'task-500002' or task_name = 'task-500002')
   order by occurred_at desc, id desc limit 21"
psql_bench -d postgres -c "drop database auditbench with (force)"
