-- Each shared count keeps the limit its last raise was made under, and the database refuses a raise that would pass
-- it: the error stops the round trip that carries the raise, and so the commit that may follow it in the same trip,
-- before anything of the transaction is kept. NULL (a row raised before this version) passes until its next raise.
alter table daily_task_quota add column task_limit integer;
alter table daily_task_quota add constraint daily_task_quota_within_limit check (admitted <= task_limit);

alter table team_daily_task_quota add column task_limit integer;
alter table team_daily_task_quota add constraint team_daily_task_quota_within_limit check (admitted <= task_limit);

-- The latest start a permit may have been given (microseconds, as next_slot): the one taken may start at most
-- max-wait from now.
alter table upstream_rate_slot add column last_slot bigint;
alter table upstream_rate_slot add constraint upstream_rate_slot_within_wait check (next_slot <= last_slot);
