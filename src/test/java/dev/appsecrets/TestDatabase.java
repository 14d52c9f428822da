package dev.appsecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
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
				"--secrets.admin-token=" + ADMIN_TOKEN, "--secrets.rate-limit.enabled=false" };
	}

	/**
	 * A new, empty database on the shared server, for a test that starts the application
	 * with keys or data of its own: much quicker than a server of its own.
	 * @return the database, dropped on close
	 */
	public static Fresh freshDatabase() {
		start();
		String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
		new JdbcTemplate(new DriverManagerDataSource(url, username, password)).execute("CREATE DATABASE " + name);
		Matcher parts = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)").matcher(url);
		if (!parts.matches()) {
			throw new IllegalStateException("Unexpected JDBC URL form");
		}
		return new Fresh(name, parts.group(1) + name + parts.group(3), username, password);
	}

	/**
	 * A database of a test's own on the shared server.
	 *
	 * @param name its name
	 * @param url its JDBC URL
	 * @param username the user
	 * @param password the password
	 */
	public record Fresh(String name, String url, String username, String password) implements AutoCloseable {

		/**
		 * A data source on this database.
		 * @return the data source
		 */
		public DataSource dataSource() {
			return new DriverManagerDataSource(this.url, this.username, this.password);
		}

		/**
		 * This database and the test admin token as command-line arguments (no master
		 * key: tests of their own keys give one).
		 * @return the arguments
		 */
		public String[] arguments() {
			return new String[] { "--spring.datasource.url=" + this.url,
					"--spring.datasource.username=" + this.username, "--spring.datasource.password=" + this.password,
					"--secrets.admin-token=" + ADMIN_TOKEN, "--secrets.rate-limit.enabled=false" };
		}

		@Override
		public void close() {
			new JdbcTemplate(new DriverManagerDataSource(TestDatabase.url, this.username, this.password))
				.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}

	}

	private static synchronized void start() {
		if (url != null) {
			return;
		}
		if (!"embedded".equals(System.getenv("SECRETS_TEST_DATABASE")) && dockerMayBeThere()
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
	 * Whether any Docker engine is configured where Testcontainers looks: without one,
	 * asking Testcontainers would only print an ERROR and a long stack trace on a machine
	 * where the embedded database is the normal path.
	 */
	private static boolean dockerMayBeThere() {
		String home = System.getProperty("user.home");
		return System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null
				|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
				|| java.nio.file.Files.exists(java.nio.file.Path.of(home, ".docker", "run", "docker.sock"))
				|| java.nio.file.Files.exists(java.nio.file.Path.of(home, ".testcontainers.properties"))
				|| System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
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
