-- The core number an account was activated with (AccountActivated), so that a creditor named by registration and
-- account number that is one of the suite's own accounts is credited as a suite account. Null until activation is seen.
ALTER TABLE account_replica ADD COLUMN registration_number VARCHAR(4);
ALTER TABLE account_replica ADD COLUMN account_number VARCHAR(10);
CREATE INDEX account_replica_core_number ON account_replica (registration_number, account_number);
