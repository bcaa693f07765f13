-- Upstream calls per team and month, for the teams that have a budget; raised by a conditional UPDATE like
-- daily_task_quota, so replicas together never admit more than the budget.
create table team_budget_usage (
    team        varchar(64) not null,
    quota_month date        not null, -- the month's first day
    used        bigint      not null,
    primary key (team, quota_month)
);
