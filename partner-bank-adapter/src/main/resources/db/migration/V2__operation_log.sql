-- Every operation the adapter sent to the core, and each attempt of it: what was called, when, how long it took,
-- the HTTP status or the failure, and what it meant. list_position orders the log newest first for keyset pages.
CREATE TABLE core_operation (
    operation_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    list_position   BIGSERIAL    NOT NULL UNIQUE,
    kind            VARCHAR(32)  NOT NULL,
    account_id      VARCHAR(64),
    transfer_id     VARCHAR(64),
    status          VARCHAR(16)  NOT NULL,
    outcome         TEXT,
    started_at      TIMESTAMPTZ  NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    attempts        INTEGER      NOT NULL
);
CREATE INDEX core_operation_account_idx ON core_operation (account_id, list_position);
CREATE INDEX core_operation_transfer_idx ON core_operation (transfer_id, list_position);
CREATE INDEX core_operation_in_progress_idx ON core_operation (started_at) WHERE status = 'IN_PROGRESS';

CREATE TABLE core_operation_attempt (
    operation_id        VARCHAR(64) NOT NULL REFERENCES core_operation (operation_id),
    attempt             INTEGER     NOT NULL,
    call                TEXT        NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    duration_ms         BIGINT      NOT NULL,
    http_status         INTEGER,
    failure             TEXT,
    outcome             VARCHAR(16) NOT NULL,
    retry_after_seconds BIGINT,
    PRIMARY KEY (operation_id, attempt)
);
