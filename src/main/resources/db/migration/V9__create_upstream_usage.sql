-- Upstream requests per cloud account, day, team and action: raised once per attempt as it leaves (the upstream bills
-- every request, failures and retries included), so the counts match the audit trail without counting it. "calls"
-- counts first attempts only: one per call, which makes a create's count its task creations.
create table upstream_usage (
    account   varchar(128) not null,
    usage_day date         not null, -- in gateway.quota.zone
    team      varchar(64)  not null, -- 'system' for the gateway's own background calls
    action    varchar(64)  not null,
    requests  bigint       not null,
    calls     bigint       not null,
    primary key (account, usage_day, team, action)
);
