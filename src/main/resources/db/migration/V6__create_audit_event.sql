-- One row per upstream attempt, inserted before the attempt leaves (outcome UNKNOWN) and completed when it ends.
create table audit_event (
    id                  uuid primary key,
    occurred_at         timestamp with time zone not null,
    team                varchar(64),
    principal           varchar(128)             not null,
    action              varchar(64)              not null,
    attempt             integer                  not null,
    outcome             varchar(16)              not null,
    http_status         integer,
    upstream_code       varchar(128),
    upstream_request_id varchar(64),
    import_id           varchar(32),
    task_id             bigint,
    task_name           varchar(64),
    duration_ms         bigint,
    correlation_id      varchar(128),
    parameters          text                     not null
);

-- Pages walk (occurred_at, id) downwards from a token: an index scan per page, however large the table.
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_team_time_idx on audit_event (team, occurred_at desc, id desc);
create index audit_event_import_idx on audit_event (import_id);
create index audit_event_task_id_idx on audit_event (task_id);
create index audit_event_task_name_idx on audit_event (task_name);
