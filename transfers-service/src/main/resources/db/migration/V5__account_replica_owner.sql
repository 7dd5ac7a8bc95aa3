-- The customer who owns each account (AccountOpened.customerId), so that a customer sends from and reads only their
-- own accounts and transfers. Null until the account's AccountOpened is seen.
ALTER TABLE account_replica ADD COLUMN customer_id VARCHAR(255);

-- Accounts the replica knew before this column: their owner is read from the AccountOpened the inbox stored in this
-- service's event store (every inbound event is kept there, as inbox.<ce_type>, or under its Java record's name if
-- stored before types were named), so nothing needs replaying and no account is unknown meanwhile. An owner is never
-- changed once known.
UPDATE account_replica r
SET customer_id = opened.customer_id
FROM (SELECT DISTINCT ON (account_id) account_id, customer_id
      FROM (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'accountId'  AS account_id,
                   convert_from(payload, 'UTF8')::jsonb ->> 'customerId' AS customer_id,
                   globalindex
            FROM domainevententry
            WHERE payloadtype IN ('inbox.accounts.AccountOpened.v1',
                                  'org.banksuite.events.accounts.v1.AccountOpened')) stored
      WHERE customer_id IS NOT NULL
      ORDER BY account_id, globalindex) opened
WHERE r.account_id = opened.account_id
  AND r.customer_id IS NULL;

CREATE INDEX account_replica_customer ON account_replica (customer_id);
