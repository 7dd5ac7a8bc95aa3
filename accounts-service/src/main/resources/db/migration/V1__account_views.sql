-- The query side: one row per account, one per booked posting. Every row carries the sequence number of
-- the event that last changed it, so a redelivered event is recognised and applied once.

CREATE TABLE account_view (
    account_id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    customer_id         VARCHAR(64)    NOT NULL,
    currency            CHAR(3)        NOT NULL,
    record_type         VARCHAR(32)    NOT NULL,
    status              VARCHAR(32)    NOT NULL,
    pending_record_type VARCHAR(32),
    closure_pending     BOOLEAN        NOT NULL DEFAULT FALSE,
    rejection_reason    TEXT,
    block_reason        TEXT,
    booked_balance      NUMERIC(19, 2) NOT NULL DEFAULT 0,
    reserved_balance    NUMERIC(19, 2) NOT NULL DEFAULT 0,
    registration_number VARCHAR(4),
    account_number      VARCHAR(10),
    opened_at           TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL
);
CREATE INDEX account_view_customer_idx ON account_view (customer_id, opened_at);

CREATE TABLE posting_view (
    account_id     VARCHAR(64)    NOT NULL,
    event_sequence BIGINT         NOT NULL,
    posting_id     VARCHAR(255)   NOT NULL,
    amount         NUMERIC(19, 2) NOT NULL,
    text           TEXT,
    reservation_id VARCHAR(255),
    booked_balance NUMERIC(19, 2) NOT NULL,
    booked_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (account_id, event_sequence),
    CONSTRAINT posting_view_posting_uk UNIQUE (account_id, posting_id)
);
