-- PostgreSQL cloud migration: prechecks (CreateCloudMigrationPrecheckTask) and migrations (CreateCloudMigrationTask).
create table cloud_migration_task (
    id                 uuid primary key,
    kind               varchar(16)              not null,
    team               varchar(64)              not null,
    target_instance_id varchar(64)              not null,
    source_host        varchar(255)             not null,
    source_port        integer                  not null,
    source_account     varchar(64)              not null,
    source_category    varchar(16)              not null,
    task_name          varchar(64)              not null,
    task_id            bigint,
    precheck_id        uuid,
    request_id         varchar(64),
    status             varchar(16)              not null,
    stage              varchar(16),
    replication_state  varchar(16),
    replication_info   text,
    detail             text,
    switch_time        timestamp with time zone,
    switch_task_id     bigint,
    synced_at          timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint                   not null
);

create unique index cloud_migration_task_name_idx on cloud_migration_task (target_instance_id, kind, task_name);
create index cloud_migration_task_team_created_idx on cloud_migration_task (team, kind, created_at desc);
create index cloud_migration_task_status_idx on cloud_migration_task (kind, status);
