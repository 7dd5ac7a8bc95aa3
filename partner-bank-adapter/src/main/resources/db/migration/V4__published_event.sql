-- The ce_sequence given to each event published on partner-bank.events: gapless per subject (the adapter's
-- aggregates also store internal events), and stable for an event republished after a crash or a replay.
CREATE TABLE published_event (
    event_id VARCHAR(255) NOT NULL PRIMARY KEY,
    subject  VARCHAR(255) NOT NULL,
    sequence BIGINT       NOT NULL,
    CONSTRAINT published_event_subject_sequence_uk UNIQUE (subject, sequence)
);
