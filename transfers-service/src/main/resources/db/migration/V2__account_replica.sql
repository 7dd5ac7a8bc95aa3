-- What transfers-service knows of accounts, from accounts-service's events on accounts.events: enough to refuse a
-- transfer from an unknown, inactive or non-DKK account before anything happens. version is the account's event
-- sequence number (ce_sequence) of the last event applied, so a redelivered or replayed event changes nothing.
-- currency is null until the account's AccountOpened is seen (a status event may be replayed to us before it).

CREATE TABLE account_replica (
    account_id VARCHAR(64) NOT NULL PRIMARY KEY,
    currency   CHAR(3),
    status     VARCHAR(32) NOT NULL,
    version    BIGINT      NOT NULL
);
