package dev.appsecrets.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit retention: deletes sealed events older than {@code secrets.audit.retention-days}
 * as a prefix of the chain, leaving an anchor that {@link AuditChainVerifier} starts
 * from.
 */
@Service
class AuditRetention implements SchedulingConfigurer {

	private static final Log log = LogFactory.getLog(AuditRetention.class);

	private final AuditChain chain;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final Clock clock;

	AuditRetention(AuditChain chain, JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties properties,
			Clock clock) {
		this.chain = chain;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Prunes at {@code secrets.audit.prune-cron}. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addCronTask(this::prune, this.properties.pruneCron());
	}

	/**
	 * Deletes, if a retention period is set, the sealed events older than it: a prefix of
	 * the chain, recorded as a prune (the position and hash of the last event deleted) so
	 * that what remains is still anchored and a deletion beyond it is detected. Daily.
	 */
	void prune() {
		if (this.properties.retentionDays() > 0) {
			Integer deleted = this.transactions.execute((status) -> prunePrefix(
					this.clock.instant().minus(Duration.ofDays(this.properties.retentionDays()))));
			log.info("Pruned " + deleted + " audit event(s) older than " + this.properties.retentionDays() + " days");
		}
	}

	private int prunePrefix(Instant cutoff) {
		this.jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, AuditChain.LOCK);
		// The newest event older than the cutoff, up to the first that is not: a prefix.
		List<Long> lastOld = this.jdbc.queryForList(
				"SELECT coalesce((SELECT min(chain_pos) - 1 FROM audit_events WHERE chain_pos IS NOT NULL "
						+ "AND occurred_at >= ?), (SELECT max(chain_pos) FROM audit_events))",
				Long.class, Timestamp.from(cutoff));
		if (lastOld.isEmpty() || lastOld.get(0) == null) {
			return 0;
		}
		// That event stays as the anchor: verification checks it links to the recorded
		// hash and is older than the retention period, so a prune can only ever have
		// deleted events that retention would have deleted.
		long anchor = lastOld.get(0);
		Optional<AuditChain.Head> before = this.chain.at(anchor - 1);
		if (before.isEmpty()) {
			return 0;
		}
		AuditChain.Head through = before.get();
		int deleted = this.jdbc.update("DELETE FROM audit_events WHERE chain_pos <= ?", through.position());
		this.jdbc.update("DELETE FROM audit_seals WHERE kind = 'seal' AND last_pos <= ?", through.position());
		this.jdbc.update(
				"INSERT INTO audit_seals (sealed_at, last_seq, last_pos, head_hash, events, kind) "
						+ "VALUES (?, ?, ?, ?, ?, 'prune')",
				Timestamp.from(this.clock.instant()), through.seq(), through.position(), through.hash(), deleted);
		log.info("Audit prune: chain positions up to " + through.position() + " deleted; anchor hash " + through.hex());
		return deleted;
	}

}
