-- What support did to dead letters (retries and evictions): who, what, when, why, and the outcome.

CREATE TABLE support_audit (
    id               BIGSERIAL     NOT NULL PRIMARY KEY,
    at               TIMESTAMPTZ   NOT NULL DEFAULT now(),
    support_user     VARCHAR(200)  NOT NULL,
    action           VARCHAR(32)   NOT NULL,
    processing_group VARCHAR(255)  NOT NULL,
    sequence_id      VARCHAR(255)  NOT NULL,
    reason           VARCHAR(1000),
    outcome          VARCHAR(1200) NOT NULL
);
CREATE INDEX support_audit_sequence_idx ON support_audit (sequence_id, id);
