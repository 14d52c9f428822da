package dev.appsecrets.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit events, in order, into a hash chain: each sealed event stores SHA-256(hash
 * of the event before it || its canonical form) and the seq of the event before it, and
 * every sealing run records the chain's head. Sealing runs on a schedule, apart from
 * requests, so it never serializes the request path; a PostgreSQL advisory lock keeps
 * instances from sealing at once. Verification recomputes the chain and names the first
 * altered, removed or inserted event.
 */
@Service
class AuditChain {

	private static final Log log = LogFactory.getLog(AuditChain.class);

	private static final byte[] GENESIS = new byte[32];

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final Clock clock;

	AuditChain(JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${secrets.audit.seal-interval:5s}",
			fixedDelayString = "${secrets.audit.seal-interval:5s}")
	void sealOnSchedule() {
		try {
			seal();
		}
		catch (RuntimeException ex) {
			log.warn("Audit sealing failed, to be retried: " + ex.getClass().getName());
		}
	}

	/**
	 * Seals every event old enough.
	 * @return how many events were sealed
	 */
	int seal() {
		int total = 0;
		while (true) {
			Integer sealed = this.transactions.execute((status) -> sealBatch());
			if (sealed == null || sealed == 0) {
				return total;
			}
			total += sealed;
		}
	}

	private int sealBatch() {
		Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(7262616376)", Boolean.class);
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		List<Object[]> head = this.jdbc.query(
				"SELECT seq, chain_hash FROM audit_events WHERE chain_hash IS NOT NULL ORDER BY seq DESC LIMIT 1",
				(row, n) -> new Object[] { row.getLong(1), row.getBytes(2) });
		Long previousSeq = head.isEmpty() ? null : (Long) head.get(0)[0];
		byte[] previousHash = head.isEmpty() ? GENESIS : (byte[]) head.get(0)[1];
		Instant sealable = this.clock.instant().minus(this.properties.sealDelay());
		List<AuditEvent> events = this.jdbc.query(
				"SELECT " + AuditEventRows.COLUMNS
						+ " FROM audit_events WHERE chain_hash IS NULL AND seq > ? ORDER BY seq LIMIT ?",
				AuditEventRows.MAPPER, (previousSeq != null) ? previousSeq : 0L, BATCH);
		int sealed = 0;
		for (AuditEvent event : events) {
			if (event.occurredAt().isAfter(sealable)) {
				break;
			}
			byte[] hash = link(previousHash, event);
			this.jdbc.update("UPDATE audit_events SET chain_prev_seq = ?, chain_hash = ? WHERE seq = ?", previousSeq,
					hash, event.seq());
			previousSeq = event.seq();
			previousHash = hash;
			sealed++;
		}
		if (sealed > 0) {
			this.jdbc.update("INSERT INTO audit_seals (sealed_at, last_seq, head_hash, events) VALUES (?, ?, ?, ?)",
					Timestamp.from(this.clock.instant()), previousSeq, previousHash, sealed);
			log.info("Sealed " + sealed + " audit event(s); chain head seq " + previousSeq + " hash "
					+ HexFormat.of().formatHex(previousHash));
		}
		return sealed;
	}

	/**
	 * Recomputes the chain.
	 * @return the outcome, with the first problem found
	 */
	AuditVerification verify() {
		Long previousSeq = null;
		byte[] previousHash = GENESIS;
		long checked = 0;
		long after = Long.MIN_VALUE;
		while (true) {
			List<Object[]> rows = this.jdbc.query(
					"SELECT " + AuditEventRows.COLUMNS + ", chain_prev_seq, chain_hash "
							+ "FROM audit_events WHERE chain_hash IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?",
					(row, n) -> {
						Long prev = row.getObject("chain_prev_seq", Long.class);
						return new Object[] { AuditEventRows.event(row, n), prev, row.getBytes("chain_hash") };
					}, after, BATCH);
			if (rows.isEmpty()) {
				break;
			}
			for (Object[] row : rows) {
				AuditEvent event = (AuditEvent) row[0];
				Long linkedTo = (Long) row[1];
				byte[] stored = (byte[]) row[2];
				boolean first = checked == 0;
				if (first && linkedTo != null && this.properties.retentionDays() > 0) {
					// Older events were pruned by retention: this event anchors what
					// remains.
					previousSeq = linkedTo;
					previousHash = null;
				}
				if (!java.util.Objects.equals(linkedTo, previousSeq)) {
					boolean removed = linkedTo != null && (previousSeq == null || linkedTo > previousSeq);
					return AuditVerification.broken(checked, removed ? "removed" : "inserted", event,
							removed ? "the event(s) sealed between seq " + previousSeq + " and this one are missing"
									: "the event before this one is not the one it was sealed after");
				}
				if (previousHash != null && !MessageDigest.isEqual(link(previousHash, event), stored)) {
					return AuditVerification.broken(checked, "altered", event,
							"its content does not match the hash it was sealed with");
				}
				previousSeq = event.seq();
				previousHash = stored;
				after = event.seq();
				checked++;
			}
		}
		List<Long> heads = this.jdbc.queryForList("SELECT last_seq FROM audit_seals ORDER BY id DESC LIMIT 1",
				Long.class);
		if (!heads.isEmpty() && (previousSeq == null || heads.get(0) > previousSeq)) {
			return AuditVerification.broken(checked, "removed", null,
					"the last sealed event (seq " + heads.get(0) + ") is missing");
		}
		Long lastSealed = previousSeq;
		long unsealedInside = (lastSealed == null) ? 0 : this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_events WHERE chain_hash IS NULL AND seq < ?", Long.class, lastSealed);
		if (unsealedInside > 0) {
			AuditEvent inserted = this.jdbc.queryForObject(
					"SELECT " + AuditEventRows.COLUMNS
							+ " FROM audit_events WHERE chain_hash IS NULL AND seq < ? ORDER BY seq LIMIT 1",
					AuditEventRows.MAPPER, lastSealed);
			return AuditVerification.broken(checked, "inserted", inserted, "an unsealed event sits among sealed ones");
		}
		long unsealed = this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE chain_hash IS NULL",
				Long.class);
		return AuditVerification.intact(checked, unsealed);
	}

	/** Deletes events older than the retention period, if one is set; daily. */
	@Scheduled(cron = "${secrets.audit.prune-cron:0 17 3 * * *}")
	void prune() {
		if (this.properties.retentionDays() > 0) {
			int deleted = this.jdbc.update("DELETE FROM audit_events WHERE occurred_at < ?", Timestamp
				.from(this.clock.instant().minus(java.time.Duration.ofDays(this.properties.retentionDays()))));
			log.info("Pruned " + deleted + " audit event(s) older than " + this.properties.retentionDays() + " days");
		}
	}

	private static byte[] link(byte[] previousHash, AuditEvent event) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousHash);
			sha256.update(event.canonicalForm());
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
