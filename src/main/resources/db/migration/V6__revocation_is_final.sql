-- A revoked token stays revoked: no statement, however stale the row it was built from,
-- can clear or move revoked_at once it is set (the database is the last line of defence).
CREATE FUNCTION access_tokens_keep_revocation() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
        RAISE EXCEPTION 'a revoked token cannot be un-revoked' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER access_tokens_revocation_is_final
    BEFORE UPDATE OF revoked_at ON access_tokens
    FOR EACH ROW EXECUTE FUNCTION access_tokens_keep_revocation();
