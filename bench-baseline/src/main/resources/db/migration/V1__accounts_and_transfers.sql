-- The naive baseline's whole state: balances and the transfers that moved them.
CREATE TABLE account (
    id      VARCHAR(64)    NOT NULL PRIMARY KEY,
    balance NUMERIC(19, 2) NOT NULL CHECK (balance >= 0)
);

CREATE TABLE transfer (
    id        UUID           NOT NULL PRIMARY KEY,
    debtor    VARCHAR(64)    NOT NULL REFERENCES account (id),
    creditor  VARCHAR(64)    NOT NULL REFERENCES account (id),
    amount    NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    booked_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
