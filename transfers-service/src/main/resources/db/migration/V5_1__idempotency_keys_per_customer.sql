-- Transfers' Idempotency-Keys are kept per customer from this version on: the operation is
-- 'create-transfer/<base64url SHA-256 of the customer id>' (TransfersController.operationOf), so another customer's
-- same key is another request. Keys claimed before keep answering their own customer's retries across the upgrade:
-- each record whose transfer was stored moves to the operation of its customer, the owner of the transfer's debtor
-- account (read from the transfer's first stored event and the account replica). A record whose transfer was never
-- stored created nothing; it stays as it was, and a retry runs again.
UPDATE idempotency_record k
SET operation = 'create-transfer/'
    || rtrim(translate(encode(sha256(convert_to(a.customer_id, 'UTF8')), 'base64'), '+/', '-_'), '=')
FROM domainevententry e
JOIN account_replica a ON a.account_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'debtorAccountId'
WHERE k.operation = 'create-transfer'
  AND e.aggregateidentifier = k.resource_id
  AND e.sequencenumber = 0
  AND e.type = 'Transfer'
  AND a.customer_id IS NOT NULL;
