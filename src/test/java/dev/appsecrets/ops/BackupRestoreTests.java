package dev.appsecrets.ops;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.Http;
import dev.appsecrets.TestDatabase;
import dev.appsecrets.crypto.LocalKeyEncryptionKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup procedure of README ("Backup and restore"), end to end: a logical dump of
 * the database (every table's rows, as pg_dump writes them, with PostgreSQL's COPY) while
 * the master key is kept apart; a restore into a new, empty database; a new instance
 * started on it with the key: every value reads back, and the audit chain verifies intact
 * up to the head kept from before. Without the key the restored data is useless: the
 * instance refuses to start.
 */
class BackupRestoreTests {

	private static final Map<String, String> VALUES = Map.of("DATABASE_URL", "postgres://db:5432/billing", "MULTI_LINE",
			"line one\nline two\n", "UNICODE", "schlüssel 🔑", "EMPTY", "");

	@Test
	void aDumpRestoredIntoANewDatabaseServesEveryValueWithTheAuditChainIntact() throws Exception {
		String masterKey = LocalKeyEncryptionKey.generateBase64();
		Map<String, byte[]> dump;
		Map<String, Long> sequences;
		String appId;
		String keptHead;
		try (TestDatabase.Fresh source = TestDatabase.freshDatabase()) {
			try (ConfigurableApplicationContext first = start(source, masterKey)) {
				Http http = http(first);
				appId = http.post("/apps", Map.of("name", "backed-up")).id();
				VALUES.forEach((key,
						value) -> assertThat(
								http.post("/apps/" + appId + "/secrets", Map.of("key", key, "value", value)).status())
							.isEqualTo(201));
				http.put("/apps/" + appId + "/secrets/by-key/DATABASE_URL",
						Map.of("value", VALUES.get("DATABASE_URL")));
				assertThat(http.post("/admin/encryption/rotate", null).status()).isEqualTo(202);
				awaitSealed(http);
				keptHead = http.get("/audit-events/head").json().get("hash").asString();
			}
			dump = dump(source.dataSource());
			sequences = sequences(source.dataSource());
		}

		try (TestDatabase.Fresh target = TestDatabase.freshDatabase()) {
			restore(target.dataSource(), dump, sequences);
			// Without its master key the restored data is of no use: the start is refused
			// (its report is expected, and not printed).
			assertThatThrownBy(() -> start(target, LocalKeyEncryptionKey.generateBase64(),
					"--logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=off",
					"--logging.level.org.springframework.boot.SpringApplication=off")
				.close()).hasStackTraceContaining("which is not configured");
			try (ConfigurableApplicationContext restored = start(target, masterKey)) {
				Http http = http(restored);
				JsonNode exported = http.get("/apps/" + appId + "/secrets/export?format=json").json();
				Map<String, String> read = new LinkedHashMap<>();
				exported.properties().forEach((entry) -> read.put(entry.getKey(), entry.getValue().asString()));
				assertThat(read).isEqualTo(VALUES);
				JsonNode verification = http.get("/audit-events/verify?expectedHead=" + keptHead).json();
				assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
				assertThat(verification.get("eventsVerified").asLong()).isPositive();
				assertThat(http.get("/apps/" + appId + "/secrets/by-key/DATABASE_URL").json().get("version").asInt())
					.isEqualTo(2);
			}
		}
	}

	private static ConfigurableApplicationContext start(TestDatabase.Fresh database, String masterKey, String... more) {
		List<String> arguments = new java.util.ArrayList<>(List.of(database.arguments()));
		arguments.addAll(List.of(more));
		arguments.addAll(List.of("--server.port=0", "--secrets.master-key=" + masterKey,
				"--secrets.audit.seal-delay=0s", "--secrets.audit.seal-interval=200ms"));
		return new SpringApplicationBuilder(AppSecretsVaultApplication.class).run(arguments.toArray(String[]::new));
	}

	private static Http http(ConfigurableApplicationContext context) {
		return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static void awaitSealed(Http http) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			JsonNode verification = http.get("/audit-events/verify").json();
			if (verification.path("unsealedEvents").asLong(1) == 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The audit events were not sealed");
	}

	/** Every table's rows, as pg_dump's data section holds them (COPY, binary). */
	private static Map<String, byte[]> dump(DataSource source) throws Exception {
		Map<String, byte[]> tables = new LinkedHashMap<>();
		List<String> names = new JdbcTemplate(source).queryForList("SELECT table_name FROM information_schema.tables "
				+ "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
				+ "ORDER BY table_name", String.class);
		try (Connection connection = source.getConnection()) {
			for (String table : names) {
				ByteArrayOutputStream rows = new ByteArrayOutputStream();
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", rows);
				tables.put(table, rows.toByteArray());
			}
		}
		return tables;
	}

	private static Map<String, Long> sequences(DataSource source) {
		Map<String, Long> values = new LinkedHashMap<>();
		new JdbcTemplate(source).query("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' "
				+ "AND last_value IS NOT NULL", (row) -> {
					values.put(row.getString(1), row.getLong(2));
				});
		return values;
	}

	/**
	 * The schema by the same migrations (as pg_restore's schema section would), then the
	 * rows with triggers and foreign keys held back until all are in, then the sequences.
	 */
	private static void restore(DataSource target, Map<String, byte[]> dump, Map<String, Long> sequences)
			throws Exception {
		Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
		try (Connection connection = target.getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute("SET session_replication_role = replica");
			for (Map.Entry<String, byte[]> table : dump.entrySet()) {
				connection.createStatement().execute("DELETE FROM " + table.getKey());
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + table.getKey() + " FROM STDIN (FORMAT binary)",
							new ByteArrayInputStream(table.getValue()));
			}
			for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
				connection.createStatement()
					.execute("SELECT setval('" + sequence.getKey() + "', " + sequence.getValue() + ")");
			}
			connection.commit();
		}
	}

}
