-- The upstream rate limits, shared by every replica, as the next free slot of each action class (one row per class and
-- spacing): a permit is the slot an UPDATE moves past, in the same transaction that records the attempt before it
-- leaves. Times are microseconds on the database's clock, so replicas need not agree on theirs. It replaces
-- bucket4j's table, which held a serialised bucket and took a transaction of its own for every permit.
create table upstream_rate_slot (
    bucket    varchar(64) primary key,
    next_slot bigint      not null
);

drop table rds_rate_limit;
