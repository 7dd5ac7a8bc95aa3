-- A customer's accounts are listed in pages (issue 13, OWASP API4): every row gets its place in the customer's list,
-- in the order the view recorded the openings (oldest first), as one number a keyset cursor can name. Rows that exist
-- already are numbered by opening time; new rows take the next number of the sequence when the view inserts them.

ALTER TABLE account_view ADD COLUMN listing_position BIGINT;
CREATE SEQUENCE account_view_listing_position_seq OWNED BY account_view.listing_position;
UPDATE account_view v SET listing_position = numbered.n
FROM (SELECT account_id, row_number() OVER (ORDER BY opened_at, account_id) AS n FROM account_view) numbered
WHERE v.account_id = numbered.account_id;
SELECT setval('account_view_listing_position_seq', coalesce(max(listing_position), 0) + 1, false) FROM account_view;
ALTER TABLE account_view
    ALTER COLUMN listing_position SET DEFAULT nextval('account_view_listing_position_seq'),
    ALTER COLUMN listing_position SET NOT NULL;
CREATE INDEX account_view_customer_listing_idx ON account_view (customer_id, listing_position);
