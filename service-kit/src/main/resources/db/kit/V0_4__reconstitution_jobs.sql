-- Support's reconstitution jobs: what to replay to whom, how far the job got, and who leases it.
-- A range job's cursor is the event store position it read through; an entity-scoped job's is the number of
-- entities done and the last sequence number read of the next one.

CREATE TABLE reconstitution_job (
    job_id                 UUID          NOT NULL PRIMARY KEY,
    seq                    BIGSERIAL     NOT NULL UNIQUE,
    status                 VARCHAR(16)   NOT NULL,
    receiver               VARCHAR(100)  NOT NULL,
    producer_domain        VARCHAR(100)  NOT NULL,
    producer_entity_type   VARCHAR(100)  NOT NULL,
    from_time              TIMESTAMPTZ,
    to_time                TIMESTAMPTZ,
    entity_ids             TEXT[]        NOT NULL,
    event_names            TEXT[]        NOT NULL,
    dry_run                BOOLEAN       NOT NULL,
    max_events_per_second  INTEGER,
    requested_by           VARCHAR(200)  NOT NULL,
    reason                 VARCHAR(1000) NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    started_at             TIMESTAMPTZ,
    finished_at            TIMESTAMPTZ,
    matched                BIGINT        NOT NULL DEFAULT 0,
    published              BIGINT        NOT NULL DEFAULT 0,
    scan_position          BIGINT        NOT NULL DEFAULT 0,
    scan_end               BIGINT,
    entity_cursor          INTEGER       NOT NULL DEFAULT 0,
    sequence_cursor        BIGINT        NOT NULL DEFAULT -1,
    cancel_requested       BOOLEAN       NOT NULL DEFAULT false,
    failure                VARCHAR(2000),
    lease_owner            VARCHAR(100),
    lease_until            TIMESTAMPTZ
);
CREATE INDEX reconstitution_job_open_idx ON reconstitution_job (created_at) WHERE status IN ('PENDING', 'RUNNING');

-- A dry run's first matching events.
CREATE TABLE reconstitution_job_sample (
    job_id     UUID         NOT NULL REFERENCES reconstitution_job (job_id),
    position   INTEGER      NOT NULL,
    event_id   VARCHAR(255) NOT NULL,
    event_type VARCHAR(255) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    sequence   BIGINT       NOT NULL,
    at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (job_id, position)
);

-- The audit log now also names jobs; retries and evictions keep naming a processing group and a sequence.
ALTER TABLE support_audit ALTER COLUMN processing_group DROP NOT NULL;
ALTER TABLE support_audit ALTER COLUMN sequence_id DROP NOT NULL;
ALTER TABLE support_audit ADD COLUMN job_id UUID;
CREATE INDEX support_audit_job_idx ON support_audit (job_id, id) WHERE job_id IS NOT NULL;
