-- Task creations admitted per cloud account and day, shared by every replica: a create is admitted by an UPDATE that
-- raises the count only while it is under the limit, so concurrent replicas can never admit more than the limit.
create table daily_task_quota (
    account   varchar(128) not null,
    quota_day date        not null, -- "day" is a keyword of H2
    admitted  integer      not null,
    primary key (account, quota_day)
);
