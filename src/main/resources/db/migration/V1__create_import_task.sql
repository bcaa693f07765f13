-- SQL Server imports between instances (ImportDatabaseBetweenInstances), one row per task.
create table import_task (
    id                 uuid primary key,
    team               varchar(64)              not null,
    source_instance_id varchar(64)              not null,
    target_instance_id varchar(64)              not null,
    databases          text                     not null,
    import_id          varchar(32),
    request_id         varchar(64),
    status             varchar(16)              not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint                   not null
);

create index import_task_team_created_idx on import_task (team, created_at desc);
create index import_task_status_idx on import_task (status);
