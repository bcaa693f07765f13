-- Idempotency-Key records, one per team and key: IN_FLIGHT while the first request runs, then COMPLETED with the
-- answer to replay. The primary key is what lets one of two concurrent requests with a key win.
create table idempotency_key (
    team                  varchar(64)              not null,
    idempotency_key       varchar(255)             not null,
    fingerprint           varchar(64)              not null,
    state                 varchar(16)              not null,
    owner_token           uuid                     not null,
    started_at            timestamp with time zone not null,
    expires_at            timestamp with time zone not null,
    response_status       integer,
    response_content_type varchar(255),
    response_location     varchar(2048),
    response_body         bytea,
    constraint idempotency_key_pk primary key (team, idempotency_key)
);

create index idempotency_key_expires_idx on idempotency_key (expires_at);
