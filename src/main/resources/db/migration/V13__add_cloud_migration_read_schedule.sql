-- When the progress tracker next reads a task from upstream, and how many reads in a row found nothing new: the
-- interval doubles with each of them up to gateway.tracking.max-interval. A task never read yet (null) is due at once.
alter table cloud_migration_task add column next_sync_at timestamp with time zone;
alter table cloud_migration_task add column unchanged_reads integer not null default 0;

create index cloud_migration_task_next_sync_idx on cloud_migration_task (status, next_sync_at);
