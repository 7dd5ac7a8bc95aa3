-- The query side of transfers: one row per transfer, carrying the sequence number of the event that last changed
-- it (version), so a redelivered event is recognised and applied once. list_position orders an account's transfers
-- newest first and anchors the cursor of the list (keyset pagination: pages stay stable while transfers arrive).

CREATE TABLE transfer_view (
    transfer_id                  VARCHAR(64)    NOT NULL PRIMARY KEY,
    list_position                BIGSERIAL      NOT NULL UNIQUE,
    status                       VARCHAR(32)    NOT NULL,
    debtor_account_id            VARCHAR(64)    NOT NULL,
    creditor_account_id          VARCHAR(64),
    creditor_registration_number VARCHAR(4),
    creditor_account_number      VARCHAR(10),
    amount                       NUMERIC(19, 2) NOT NULL,
    currency                     CHAR(3)        NOT NULL,
    debtor_text                  TEXT           NOT NULL,
    creditor_text                TEXT           NOT NULL,
    execution_date               DATE,
    rejection_reason             VARCHAR(32),
    rejection_detail             TEXT,
    core_reference               VARCHAR(255),
    requested_at                 TIMESTAMPTZ    NOT NULL,
    version                      BIGINT         NOT NULL
);
CREATE INDEX transfer_view_debtor_idx ON transfer_view (debtor_account_id, list_position);
CREATE INDEX transfer_view_creditor_idx ON transfer_view (creditor_account_id, list_position)
    WHERE creditor_account_id IS NOT NULL;
