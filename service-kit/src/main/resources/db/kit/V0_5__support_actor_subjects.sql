-- Who did it is now the caller's token subject (issue 13), which the bank's issuer may make longer than the 200
-- characters the X-Support-User header was held to: a retry by such a caller must not fail on storing its name.
ALTER TABLE support_audit ALTER COLUMN support_user TYPE TEXT;
ALTER TABLE reconstitution_job ALTER COLUMN requested_by TYPE TEXT;
