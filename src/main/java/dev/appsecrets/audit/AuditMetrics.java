package dev.appsecrets.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the audit chain's sealing is behind, read from the database at each scrape: how
 * many events are not sealed yet, and the age of the oldest and the newest of them. A
 * growing oldest age means sealing stopped. NaN while the database cannot answer.
 */
@Component
class AuditMetrics implements MeterBinder {

	private static final String UNSEALED = "FROM audit_events WHERE chain_hash IS NULL";

	private final JdbcTemplate jdbc;

	AuditMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("secrets.audit.unsealed.events", () -> query("SELECT count(*) " + UNSEALED))
			.description("Audit events not yet sealed into the hash chain")
			.register(registry);
		Gauge
			.builder("secrets.audit.unsealed.age",
					() -> query("SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) " + UNSEALED))
			.tag("event", "oldest")
			.baseUnit("seconds")
			.description("Age of an unsealed audit event: the oldest shows how far sealing is behind")
			.register(registry);
		Gauge
			.builder("secrets.audit.unsealed.age",
					() -> query("SELECT coalesce(extract(epoch FROM now() - max(occurred_at)), 0) " + UNSEALED))
			.tag("event", "newest")
			.baseUnit("seconds")
			.description("Age of an unsealed audit event: the oldest shows how far sealing is behind")
			.register(registry);
	}

	private double query(String sql) {
		try {
			Number value = this.jdbc.queryForObject(sql, Number.class);
			return (value != null) ? value.doubleValue() : Double.NaN;
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

}
