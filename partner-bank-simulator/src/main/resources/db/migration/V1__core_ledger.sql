create sequence account_number_seq start with 1000001;

create table core_account (
    registration_number varchar(4)     not null,
    account_number      varchar(10)    not null,
    external_id         varchar(100)   not null unique,
    record_type         varchar(40)    not null,
    currency            varchar(3)     not null,
    status              varchar(20)    not null,
    balance             numeric(19, 2) not null default 0,
    created_at          timestamptz    not null default now(),
    primary key (registration_number, account_number)
);

create table core_payment (
    idempotency_key              varchar(200)   primary key,
    payment_id                   uuid           not null unique,
    request_fingerprint          text           not null,
    debtor_registration_number   varchar(4)     not null,
    debtor_account_number        varchar(10)    not null,
    creditor_registration_number varchar(4)     not null,
    creditor_account_number      varchar(10)    not null,
    amount                       numeric(19, 2) not null,
    currency                     varchar(3)     not null,
    text                         varchar(140),
    status                       varchar(20)    not null,
    reason                       varchar(60),
    direction                    varchar(20),
    created_at                   timestamptz    not null default now()
);

create table core_entry (
    entry_id            bigserial      primary key,
    registration_number varchar(4)     not null,
    account_number      varchar(10)    not null,
    amount              numeric(19, 2) not null,
    currency            varchar(3)     not null,
    text                varchar(140),
    payment_key         varchar(200),
    booked_at           timestamptz    not null default now(),
    foreign key (registration_number, account_number) references core_account (registration_number, account_number)
);

create index core_entry_by_account on core_entry (registration_number, account_number, entry_id);
