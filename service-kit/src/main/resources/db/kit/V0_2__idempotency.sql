-- Idempotency-Key records of creating POSTs. The row is claimed before the work runs, so concurrent
-- duplicates execute once; resource_id is chosen at the claim, so a retry after a crash reuses it.

CREATE TABLE idempotency_record (
    operation        VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    resource_id      VARCHAR(64)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    response_status  INTEGER,
    response_body    TEXT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, idempotency_key)
);
