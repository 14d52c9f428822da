package dev.appsecrets.secret;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Values (current ones and kept versions) still sealed under a data key other than the
 * active one, read from the database at each scrape: 0 once a rotation has finished. NaN
 * while the database cannot answer.
 */
@Component
class ReencryptionMetrics implements MeterBinder {

	private static final String PENDING = "SELECT (SELECT count(*) FROM app_secrets WHERE dek_id IS DISTINCT FROM a.id) "
			+ "+ (SELECT count(*) FROM secret_versions WHERE dek_id <> a.id) "
			+ "FROM (SELECT id FROM data_keys WHERE active) a";

	private final JdbcTemplate jdbc;

	ReencryptionMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("secrets.reencryption.pending", this::pending)
			.description("Values still under an older data key, waiting for re-encryption")
			.register(registry);
	}

	private double pending() {
		try {
			Number value = this.jdbc.query(PENDING, (rows) -> rows.next() ? rows.getLong(1) : 0L);
			return (value != null) ? value.doubleValue() : Double.NaN;
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

}
