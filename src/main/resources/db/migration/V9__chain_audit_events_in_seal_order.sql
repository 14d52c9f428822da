-- The chain follows the order in which events are sealed (chain_pos), not seq: seq is taken at
-- insert, so an event whose transaction committed late landed behind the chain's head, was never
-- sealed and was reported as inserted forever. Now it is simply sealed later.
ALTER TABLE audit_events ADD COLUMN chain_pos bigint CONSTRAINT audit_events_chain_pos_unique UNIQUE;
UPDATE audit_events e SET chain_pos = r.pos
FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS pos FROM audit_events WHERE chain_hash IS NOT NULL) r
WHERE e.seq = r.seq;

-- Each seal records the chain position and hash it left as head; a prune records the position and
-- hash of the last event it deleted, so that what remains is still anchored. An 'anchor' row marks
-- a log that was already pruned before prunes were recorded: its first remaining event is trusted.
ALTER TABLE audit_seals ADD COLUMN last_pos bigint;
ALTER TABLE audit_seals ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'seal'
    CONSTRAINT audit_seals_kind CHECK (kind IN ('seal', 'prune', 'anchor'));
UPDATE audit_seals s SET last_pos = e.chain_pos FROM audit_events e WHERE e.seq = s.last_seq;
DELETE FROM audit_seals WHERE last_pos IS NULL;
INSERT INTO audit_seals (sealed_at, last_seq, head_hash, events, last_pos, kind)
SELECT now(), 0, '\x'::bytea, 0, 0, 'anchor'
FROM audit_events WHERE chain_pos = 1 AND chain_prev_seq IS NOT NULL;
ALTER TABLE audit_seals ALTER COLUMN last_pos SET NOT NULL;

CREATE INDEX audit_events_chain_idx ON audit_events (chain_pos) WHERE chain_pos IS NOT NULL;
