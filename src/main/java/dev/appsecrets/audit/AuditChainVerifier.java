package dev.appsecrets.audit;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the audit chain that {@link AuditChain} seals and names the first problem:
 * an altered event or seal record, removed events, a forged prune record, a head kept
 * outside that is no longer in the chain.
 */
@Component
class AuditChainVerifier {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final Clock clock;

	AuditChainVerifier(JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** A sealed event with its place in the chain. */
	private record Chained(AuditEvent event, long position, Long linkedTo, byte[] hash) {
	}

	/**
	 * Where what remains of a pruned chain starts: the last deleted position, its seq and
	 * hash, and whether a prune recorded it or an older log was only marked as pruned.
	 */
	private record Anchor(long position, Long seq, byte[] hash, String kind) {
	}

	/**
	 * Recomputes the chain in one consistent snapshot, and checks every recorded head
	 * against it.
	 * @param expectedHead a head hash kept outside the database (hex), or null
	 * @return the outcome, with the first problem found
	 */
	AuditVerification verify(String expectedHead) {
		TransactionTemplate snapshot = new TransactionTemplate(this.transactions.getTransactionManager());
		snapshot.setReadOnly(true);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return snapshot.execute((status) -> check(expectedHead));
	}

	/** Verifies in the caller's transaction (tests run it inside one they roll back). */
	AuditVerification check(String expectedHead) {
		Map<Long, byte[]> recordedHeads = new HashMap<>();
		this.jdbc.query("SELECT last_pos, head_hash FROM audit_seals WHERE kind = 'seal'",
				(RowCallbackHandler) (row) -> recordedHeads.put(row.getLong(1), row.getBytes(2)));
		List<Anchor> anchors = this.jdbc.query(
				"SELECT last_pos, last_seq, head_hash, kind FROM audit_seals WHERE kind IN ('prune', 'anchor') "
						+ "ORDER BY last_pos DESC LIMIT 1",
				(row, n) -> new Anchor(row.getLong(1), row.getLong(2), row.getBytes(3), row.getString(4)));
		Anchor anchor = anchors.isEmpty() ? null : anchors.get(0);
		long position = (anchor != null) ? anchor.position() : 0;
		// An 'anchor' (a log pruned before prunes were recorded) vouches for no hash: the
		// first event after it is trusted as it is.
		boolean trustFirst = anchor != null && "anchor".equals(anchor.kind());
		Long previousSeq = (anchor != null && !trustFirst) ? anchor.seq() : null;
		byte[] previousHash = (anchor != null) ? anchor.hash() : AuditChain.GENESIS;
		if (anchor != null && this.properties.retentionDays() <= 0) {
			return AuditVerification.broken(0, "removed", null,
					"events were deleted from the start of the chain, but retention is off");
		}
		if (anchor != null && this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE chain_pos <= ?",
				Long.class, anchor.position()) > 0) {
			// A prune deletes everything up to its anchor: sealed events still there mean
			// the
			// anchor was forged to skip them.
			return AuditVerification.broken(0, "altered", null,
					"sealed events sit before the start the chain records: the prune record is forged");
		}
		Instant retentionCutoff = this.clock.instant()
			.minus(java.time.Duration.ofDays(this.properties.retentionDays()));
		boolean expectedSeen = expectedHead == null;
		Instant latestTime = null;
		long checked = 0;
		while (true) {
			List<Chained> rows = this.jdbc.query(
					"SELECT " + AuditEventRows.COLUMNS + ", chain_pos, chain_prev_seq, chain_hash "
							+ "FROM audit_events WHERE chain_pos > ? ORDER BY chain_pos LIMIT ?",
					(row, n) -> new Chained(AuditEventRows.event(row, n), row.getLong("chain_pos"),
							row.getObject("chain_prev_seq", Long.class), row.getBytes("chain_hash")),
					position, BATCH);
			if (rows.isEmpty()) {
				break;
			}
			for (Chained row : rows) {
				AuditEvent event = row.event();
				long at = row.position();
				Long linkedTo = row.linkedTo();
				byte[] stored = row.hash();
				boolean anchoredStart = trustFirst && checked == 0;
				if (at != position + 1 || (!anchoredStart && !Objects.equals(linkedTo, previousSeq))) {
					return AuditVerification.broken(checked, "removed", event, "the event(s) sealed between chain "
							+ "position " + position + " and this one (" + at + ") are missing");
				}
				if (!anchoredStart && !MessageDigest.isEqual(AuditChain.link(previousHash, event), stored)) {
					return AuditVerification.broken(checked, "altered", event,
							"its content does not match the hash it was sealed with");
				}
				if (latestTime != null && event.occurredAt().isBefore(latestTime.minus(AuditChain.TIME_TOLERANCE))) {
					// Against the latest time so far, not the previous event's:
					// backdating in
					// small steps gains nothing.
					return AuditVerification.broken(checked, "inserted", event,
							"it is far older than events sealed before it");
				}
				if (latestTime == null || event.occurredAt().isAfter(latestTime)) {
					latestTime = event.occurredAt();
				}
				if (anchor != null && checked == 0 && !event.occurredAt().isBefore(retentionCutoff)) {
					// A prune keeps the newest event it found old enough; a younger first
					// event
					// means events were deleted that retention would not have deleted.
					return AuditVerification.broken(checked, "removed", event,
							"events before this one were deleted, but they were younger than the retention period");
				}
				byte[] recorded = recordedHeads.remove(at);
				if (recorded != null && !MessageDigest.isEqual(recorded, stored)) {
					return AuditVerification.broken(checked, "altered", event,
							"the head recorded when it was sealed differs from the chain");
				}
				if (!expectedSeen && HexFormat.of().formatHex(stored).equalsIgnoreCase(expectedHead)) {
					expectedSeen = true;
				}
				position = at;
				previousSeq = event.seq();
				previousHash = stored;
				checked++;
			}
		}
		long beyond = recordedHeads.keySet().stream().filter((at) -> at > 0).count();
		if (beyond > 0) {
			return AuditVerification.broken(checked, "removed", null, "a recorded chain head (position "
					+ recordedHeads.keySet().stream().max(Long::compare).orElseThrow() + ") is missing from the chain");
		}
		if (!expectedSeen) {
			return AuditVerification.broken(checked, "removed", null,
					"the expected head is not in the chain: events after it, or it, were removed or rewritten");
		}
		if (latestTime != null) {
			List<AuditEvent> backdated = this.jdbc.query("SELECT " + AuditEventRows.COLUMNS
					+ " FROM audit_events WHERE chain_hash IS NULL AND occurred_at < ? " + "ORDER BY seq LIMIT 1",
					AuditEventRows.MAPPER, java.sql.Timestamp.from(latestTime.minus(AuditChain.TIME_TOLERANCE)));
			if (!backdated.isEmpty()) {
				return AuditVerification.broken(checked, "inserted", backdated.get(0),
						"an event far older than the chain's head was added to the table; it is not sealed");
			}
		}
		long unsealed = this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE chain_hash IS NULL",
				Long.class);
		return AuditVerification.intact(checked, unsealed);
	}

}
