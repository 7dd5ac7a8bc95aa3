-- The quota shared by every proxy replica. One row of limits, changed at runtime by PUT /admin/v1/quota.
create table quota_limits (
    id                  smallint primary key check (id = 1),
    per_minute          bigint check (per_minute >= 0),
    per_hour            bigint check (per_hour >= 0),
    interactive_reserve numeric(4, 3) not null,
    -- set after the core answered 429: no replica sends anything before then
    core_paused_until   timestamptz,
    updated_at          timestamptz not null
);

-- Requests sent to the core per window; a replica takes a request with a conditional upsert on the row.
create table quota_usage (
    window_kind  varchar(6)  not null,
    window_start timestamptz not null,
    used         bigint      not null,
    primary key (window_kind, window_start)
);
