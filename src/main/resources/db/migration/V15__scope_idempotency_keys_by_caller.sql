-- An Idempotency-Key belongs to the caller that sent it (an API key's name or a token's subject) within its team, so
-- that one caller's stored answer is never replayed to another caller of the same team.
alter table idempotency_key add column principal varchar(128) not null default '';
alter table idempotency_key drop constraint idempotency_key_pk;
alter table idempotency_key add constraint idempotency_key_pk primary key (team, principal, idempotency_key);
