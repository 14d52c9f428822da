-- The API token that issued a token, if one did (null for the admin token and JWT callers):
-- revoking a token revokes every token issued under it, so none outlives its issuer.
ALTER TABLE access_tokens ADD COLUMN issued_by uuid REFERENCES access_tokens (id);
CREATE INDEX access_tokens_issued_by ON access_tokens (issued_by) WHERE issued_by IS NOT NULL;
