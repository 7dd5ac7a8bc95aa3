-- What the job has read from the three topics. Text columns without length limits: a record the job has parsed
-- can always be stored, so no value on a topic can make a partition retry forever.

-- Records already applied, by ce_id: a redelivered record changes nothing (delivery is at-least-once).
create table processed_event (
    event_id     text        primary key,
    topic        text        not null,
    processed_at timestamptz not null default now()
);

-- Core entries, once per (account, core entry id): the core's own identity, so a re-sync of the same entry under
-- a new ce_id is not counted twice.
create table core_entry (
    account_id text    not null,
    entry_id   text    not null,
    match_key  text    not null,
    amount     numeric not null,
    currency   text    not null,
    primary key (account_id, entry_id)
);

-- Suite postings, once per (account, ce_sequence): the account's event, so a republished event under a new ce_id is
-- not counted twice, while the same posting id booked by two events is (a double booking).
create table suite_posting (
    account_id text    not null,
    sequence   bigint  not null,
    posting_id text    not null,
    amount     numeric not null,
    primary key (account_id, sequence)
);

-- Core entries and suite postings per (account, match key), kept as running counts and sums.
create table match_group (
    account_id  text    not null,
    match_key   text    not null,
    currency    text    not null,
    core_count  int     not null default 0,
    core_sum    numeric not null default 0,
    suite_count int     not null default 0,
    suite_sum   numeric not null default 0,
    primary key (account_id, match_key)
);
create index match_group_unbalanced on match_group (account_id)
    where core_count <> suite_count or core_sum <> suite_sum;

create table account_position (
    account_id          text        primary key,
    currency            text,
    suite_balance       numeric     not null default 0,
    suite_sequence      bigint      not null default -1,
    postings            bigint      not null default 0,
    core_balance        numeric     not null default 0,
    core_entries        bigint      not null default 0,
    dirty               boolean     not null default true,
    reconciled_at       timestamptz,
    reconciled_balance  numeric,
    reconciled_postings bigint
);
create index account_position_unbalanced on account_position (account_id) where suite_balance <> core_balance;
create index account_position_dirty on account_position (account_id) where dirty;

-- Holds: settled by their capture (PostingBooked.reservationId) or release, in whatever order those arrive.
create table reservation (
    account_id     text        not null,
    reservation_id text        not null,
    amount         numeric,
    currency       text,
    reserved_at    timestamptz,
    settled        boolean     not null default false,
    primary key (account_id, reservation_id)
);
create index reservation_open on reservation (reserved_at) where not settled and reserved_at is not null;

-- Accepted transfers: terminal once booked or rejected, in whatever order those arrive.
create table transfer_watch (
    transfer_id       text        primary key,
    debtor_account_id text        not null,
    amount            numeric,
    currency          text,
    requested_at      timestamptz,
    terminal          boolean     not null default false
);
create index transfer_watch_open on transfer_watch (requested_at) where not terminal and requested_at is not null;

-- Discrepancies: noticed first, raised (detected_at) once they outlast the grace period, resolved when gone.
create table mismatch (
    position    bigserial   primary key,
    mismatch_id uuid        not null unique,
    kind        text        not null,
    account_id  text        not null,
    reference   text        not null,
    currency    text,
    core_amount numeric,
    suite_amount numeric,
    noticed_at  timestamptz not null,
    detected_at timestamptz,
    resolved_at timestamptz
);
create unique index mismatch_unresolved on mismatch (kind, account_id, reference) where resolved_at is null;

-- Events to publish on reconciliation.events, written in the same transaction as the mismatch they announce.
create table outbox (
    position     bigserial   primary key,
    event_id     uuid        not null unique,
    ce_type      text        not null,
    subject      text        not null,
    sequence     bigint      not null,
    payload      bytea       not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);
create index outbox_pending on outbox (position) where published_at is null;
