-- The upstream rate limits, shared by every replica: one token bucket per action class (bucket4j's PostgreSQL
-- backend locks the row with SELECT ... FOR UPDATE and keeps the bucket's serialised state in `state`).
create table rds_rate_limit (
    id    varchar(64) primary key,
    state bytea
);
