-- Each migration stage seen, once, with the time it was first seen.
create table migration_stage_history (
    task_id       uuid                     not null references cloud_migration_task (id) on delete cascade,
    stage         varchar(16)              not null,
    first_seen_at timestamp with time zone not null,
    primary key (task_id, stage)
);
