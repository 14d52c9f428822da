-- From now on a secret's current value is sealed bound to its version number, as stored versions
-- already are, so an older ciphertext written back into the row fails to open instead of being
-- served as the current version. The rows that exist now hold values in the old forms (plain
-- text from before encryption at rest, or sealed without a version): they, and only they, are
-- listed here to be sealed anew at start-up. A row outside this list with no data key or an
-- unbound ciphertext is an integrity failure, never adopted.
CREATE TABLE legacy_values (
    secret_id uuid PRIMARY KEY REFERENCES app_secrets (id) ON DELETE CASCADE
);
INSERT INTO legacy_values (secret_id) SELECT id FROM app_secrets;

-- The list is closed: nothing may be added to it later (a row added to it would have plain text
-- forged into app_secrets adopted at the next start-up). Rows only leave it, once sealed anew.
CREATE FUNCTION legacy_values_closed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'legacy_values only shrinks' USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER legacy_values_closed
    BEFORE INSERT OR UPDATE ON legacy_values
    FOR EACH ROW EXECUTE FUNCTION legacy_values_closed();
