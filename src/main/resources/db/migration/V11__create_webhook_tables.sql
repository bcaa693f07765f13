-- Webhook subscriptions of the teams (one task, or every task of the team when task_id is null) and their outbox:
-- one delivery row per change and matching subscription, written in the transaction that records the change.
-- The signing secret is derived from the gateway's secret and the subscription id, so it is stored nowhere.
create table webhook_subscription (
    id         uuid primary key,
    team       varchar(64)              not null,
    url        varchar(2048)            not null,
    task_id    uuid,
    created_at timestamp with time zone not null
);

create index webhook_subscription_team_idx on webhook_subscription (team, created_at desc, id);
create index webhook_subscription_task_idx on webhook_subscription (task_id);

-- status: PENDING (due at next_attempt_at), SENDING (claimed by a replica until next_attempt_at, then claimable
-- again), DELIVERED or FAILED (next_attempt_at null). attempts counts the attempts claimed so far.
create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid                     not null references webhook_subscription (id) on delete cascade,
    task_id          uuid                     not null,
    payload          text                     not null,
    status           varchar(16)              not null,
    attempts         integer                  not null,
    next_attempt_at  timestamp with time zone,
    claim_token      uuid,
    created_at       timestamp with time zone not null,
    last_attempt_at  timestamp with time zone,
    last_http_status integer,
    last_error       varchar(255)
);

-- Finished rows have no next attempt, so the scan for due rows never reaches them.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at);
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, last_attempt_at);
create index webhook_delivery_created_idx on webhook_delivery (created_at);
