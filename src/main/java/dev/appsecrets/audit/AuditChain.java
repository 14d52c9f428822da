package dev.appsecrets.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit events, in order, into a hash chain: each sealed event stores SHA-256(hash
 * of the event before it || its canonical form) and the seq of the event before it, and
 * every sealing run records the chain's head. Sealing runs on a schedule, apart from
 * requests, so it never serializes the request path; a PostgreSQL advisory lock keeps
 * instances from sealing at once. {@link AuditChainVerifier} recomputes it.
 */
@Service
class AuditChain implements SchedulingConfigurer {

	private static final Log log = LogFactory.getLog(AuditChain.class);

	static final byte[] GENESIS = new byte[32];

	/**
	 * How far back in time an event may lie behind the one sealed before it: late commits
	 * and clocks of several instances differ by seconds, never by this much.
	 */
	static final Duration TIME_TOLERANCE = Duration.ofHours(1);

	/** The advisory lock that sealing and pruning take, so they never overlap. */
	static final long LOCK = 7262616376L;

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

	/** Seals every {@code secrets.audit.seal-interval}. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::sealOnSchedule, this.properties.sealInterval(),
				this.properties.sealInterval()));
	}

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
		Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		Head head = head();
		Instant sealable = this.clock.instant().minus(this.properties.sealDelay());
		// Every committed event not sealed yet, whatever its seq: one that committed
		// late is sealed now, after the head, in the order it is sealed. But not one far
		// older than the latest sealed: no transaction commits an hour late, and an event
		// backdated into the table could otherwise pass as the old anchor of a forged
		// prune.
		Instant notBefore = latestSealedTime().map((time) -> time.minus(TIME_TOLERANCE)).orElse(Instant.EPOCH);
		List<AuditEvent> events = this.jdbc.query(
				"SELECT " + AuditEventRows.COLUMNS + " FROM audit_events WHERE chain_hash IS NULL AND occurred_at <= ? "
						+ "AND occurred_at >= ? ORDER BY seq LIMIT ?",
				AuditEventRows.MAPPER, Timestamp.from(sealable), Timestamp.from(notBefore), BATCH);
		long position = head.position();
		Long previousSeq = head.seq();
		byte[] previousHash = head.hash();
		for (AuditEvent event : events) {
			byte[] hash = link(previousHash, event);
			position++;
			this.jdbc.update("UPDATE audit_events SET chain_pos = ?, chain_prev_seq = ?, chain_hash = ? WHERE seq = ?",
					position, previousSeq, hash, event.seq());
			previousSeq = event.seq();
			previousHash = hash;
		}
		if (!events.isEmpty()) {
			this.jdbc.update(
					"INSERT INTO audit_seals (sealed_at, last_seq, last_pos, head_hash, events, kind) "
							+ "VALUES (?, ?, ?, ?, ?, 'seal')",
					Timestamp.from(this.clock.instant()), previousSeq, position, previousHash, events.size());
			log.info("Sealed " + events.size() + " audit event(s); chain head " + position + " (seq " + previousSeq
					+ ", " + position + " event(s) sealed in all) hash " + HexFormat.of().formatHex(previousHash));
		}
		return events.size();
	}

	/**
	 * The latest time of any sealed event, if any: events much older than it are not
	 * sealed after it. The latest, not the head's, so that backdating in small steps
	 * gains nothing.
	 */
	Optional<Instant> latestSealedTime() {
		return Optional
			.ofNullable(this.jdbc.queryForObject(
					"SELECT max(occurred_at) FROM audit_events WHERE chain_pos IS NOT NULL", java.sql.Timestamp.class))
			.map(java.sql.Timestamp::toInstant);
	}

	/** The chain's head: its last position, that event's seq and hash. */
	record Head(long position, Long seq, byte[] hash) {

		/** The hash as lower-case hex. */
		String hex() {
			return HexFormat.of().formatHex(this.hash);
		}

	}

	/**
	 * The current head of the chain (position 0 and the genesis hash while it is empty).
	 */
	Head head() {
		List<Head> heads = this.jdbc.query(
				"SELECT chain_pos, seq, chain_hash FROM audit_events WHERE chain_pos IS NOT NULL "
						+ "ORDER BY chain_pos DESC LIMIT 1",
				(row, n) -> new Head(row.getLong(1), row.getLong(2), row.getBytes(3)));
		if (!heads.isEmpty()) {
			return heads.get(0);
		}
		// Everything was pruned: the chain goes on from the last prune's anchor.
		List<Head> anchors = this.jdbc.query(
				"SELECT last_pos, last_seq, head_hash FROM audit_seals WHERE kind = 'prune' ORDER BY last_pos DESC LIMIT 1",
				(row, n) -> new Head(row.getLong(1), row.getLong(2), row.getBytes(3)));
		return anchors.isEmpty() ? new Head(0, null, GENESIS) : anchors.get(0);
	}

	/** The sealed event at a chain position, if there is one. */
	Optional<Head> at(long position) {
		return this.jdbc
			.query("SELECT chain_pos, seq, chain_hash FROM audit_events WHERE chain_pos = ?",
					(row, n) -> new Head(row.getLong(1), row.getLong(2), row.getBytes(3)), position)
			.stream()
			.findFirst();
	}

	static byte[] link(byte[] previousHash, AuditEvent event) {
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
