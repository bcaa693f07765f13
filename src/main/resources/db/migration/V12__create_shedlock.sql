-- ShedLock's lock rows: one replica at a time holds `cloud-migration-tracker` and runs the progress tracker. Times are
-- UTC and written and compared on the database's own clock, so replicas whose clocks disagree agree on the holder.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
