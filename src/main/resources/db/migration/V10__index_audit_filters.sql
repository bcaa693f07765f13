-- Every filter of GET /api/v1/audit-events gets an index that leads with it and then walks (occurred_at, id) downwards,
-- so a page of it is an index range, however rare the value or deep the page: a filter that matches one event in a
-- million (outcome UNKNOWN on a good day, an action nobody calls) no longer scans the whole time index, and a task's
-- tens of thousands of reads are no longer all fetched and sorted for every page (docs/benchmarks.md).
create index audit_event_action_time_idx on audit_event (action, occurred_at desc, id desc);
create index audit_event_outcome_time_idx on audit_event (outcome, occurred_at desc, id desc);

drop index audit_event_import_idx;
drop index audit_event_task_id_idx;
drop index audit_event_task_name_idx;
create index audit_event_import_time_idx on audit_event (import_id, occurred_at desc, id desc);
create index audit_event_task_id_time_idx on audit_event (task_id, occurred_at desc, id desc);
create index audit_event_task_name_time_idx on audit_event (task_name, occurred_at desc, id desc);
