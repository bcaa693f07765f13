-- Task creations admitted per team, cloud account and day: a team's share of the account's daily task limit. A create
-- raises its team's row and the account's (daily_task_quota) in one transaction, each only while under its limit.
create table team_daily_task_quota (
    account   varchar(128) not null,
    team      varchar(64)  not null,
    quota_day date         not null,
    admitted  integer      not null,
    primary key (account, team, quota_day)
);
