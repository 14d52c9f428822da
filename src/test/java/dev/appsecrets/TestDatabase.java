package dev.appsecrets;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one PostgreSQL the test suite shares: a Testcontainers PostgreSQL 17 when a Docker
 * engine is reachable, an embedded PostgreSQL 17 otherwise.
 * {@code SECRETS_TEST_DATABASE=embedded} forces the embedded one. Started once, on first
 * use, and stopped when the JVM exits.
 */
public final class TestDatabase {

	/**
	 * The master key every test context uses: contexts share the database, and a second
	 * key would (rightly) be refused at start-up.
	 */
	public static final String MASTER_KEY = dev.appsecrets.crypto.LocalKeyEncryptionKey.generateBase64();

	/** The admin token every test context accepts. */
	public static final String ADMIN_TOKEN = "test-admin-" + java.util.UUID.randomUUID();

	private static String url;

	private static String username;

	private static String password;

	private TestDatabase() {
	}

	/**
	 * Points the application under test at the shared database.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		start();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> username);
		registry.add("spring.datasource.password", () -> password);
		registry.add("secrets.master-key", () -> MASTER_KEY);
		registry.add("secrets.admin-token", () -> ADMIN_TOKEN);
	}

	/**
	 * The shared database and the test keys as command-line arguments, for tests that
	 * start the application themselves.
	 * @return the arguments
	 */
	public static String[] arguments() {
		start();
		return new String[] { "--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password, "--secrets.master-key=" + MASTER_KEY,
				"--secrets.admin-token=" + ADMIN_TOKEN };
	}

	private static synchronized void start() {
		if (url != null) {
			return;
		}
		if (!"embedded".equals(System.getenv("SECRETS_TEST_DATABASE"))
				&& DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			url = container.getJdbcUrl();
			username = container.getUsername();
			password = container.getPassword();
			return;
		}
		EmbeddedPostgres postgres = startEmbedded();
		url = postgres.getJdbcUrl("postgres", "postgres");
		username = "postgres";
		password = "";
	}

	/**
	 * Starts an embedded PostgreSQL in a fresh temporary directory.
	 * @return the running database, stopped at JVM exit at the latest
	 */
	public static EmbeddedPostgres startEmbedded() {
		try {
			return embedded().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A builder configured as the suite's embedded databases are.
	 * @return a builder to adjust and start
	 */
	public static EmbeddedPostgres.Builder embedded() {
		return EmbeddedPostgres.builder()
			.setServerConfig("log_min_error_statement", "panic")
			.setServerConfig("log_error_verbosity", "terse");
	}

}
