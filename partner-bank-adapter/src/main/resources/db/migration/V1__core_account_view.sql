-- The adapter's record of the accounts it opened at the core: their core numbers (for payments) and the cursor up to
-- which their posting entries were fetched (for the sync). version is the sequence number of the last event applied.
CREATE TABLE core_account_view (
    account_id          VARCHAR(64) NOT NULL PRIMARY KEY,
    status              VARCHAR(16) NOT NULL,
    registration_number VARCHAR(4),
    account_number      VARCHAR(10),
    entry_cursor        VARCHAR(255),
    version             BIGINT      NOT NULL
);
CREATE INDEX core_account_view_status_idx ON core_account_view (status);
