-- A guided migration: one PostgreSQL cloud migration driven by the gateway from precheck to a governed cutover.
-- Every transition is committed before the upstream call it leads to, so a crash or a failover resumes it.
create table guided_migration (
    id                      uuid primary key,
    team                    varchar(64)              not null,
    created_by              varchar(128)             not null,
    status                  varchar(24)              not null,
    target_instance_id      varchar(64)              not null,
    source_host             varchar(255)             not null,
    source_port             integer                  not null,
    source_account          varchar(64)              not null,
    source_category         varchar(16)              not null,
    -- The source password, sealed (AES-GCM) until the migration is created upstream, then erased.
    source_password_sealed  bytea,
    task_name               varchar(64)              not null,
    precheck_id             uuid,
    migration_id            uuid,
    required_approvals      integer                  not null,
    window_zone             varchar(64),
    window_days             varchar(96),
    window_start            time,
    window_end              time,
    not_before              timestamp with time zone,
    max_replay_lag_seconds  integer                  not null,
    cutover_requested_by    varchar(128),
    cutover_accept_lag      boolean                  not null default false,
    cutover_started_at      timestamp with time zone,
    switch_task_id          bigint,
    stage                   varchar(16),
    replication_state       varchar(16),
    replay_lag_seconds      bigint,
    blockers                varchar(128),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint                   not null
);

create index guided_migration_team_created_idx on guided_migration (team, created_at desc);
create index guided_migration_status_idx on guided_migration (status);

create table guided_migration_approval (
    guided_migration_id uuid                     not null references guided_migration (id) on delete cascade,
    approved_by         varchar(128)             not null,
    approved_at         timestamp with time zone not null,
    comment             varchar(500)             not null,
    primary key (guided_migration_id, approved_by)
);

create table guided_migration_history (
    guided_migration_id uuid                     not null references guided_migration (id) on delete cascade,
    seq                 integer                  not null,
    status              varchar(24)              not null,
    at                  timestamp with time zone not null,
    reason              varchar(1000),
    primary key (guided_migration_id, seq)
);

-- A migration a guided migration drives is switched over by it alone, never through the switchover endpoint.
alter table cloud_migration_task add column governed_by uuid;
