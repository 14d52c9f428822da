package dev.appsecrets;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away and comes back: callers get 503 with Retry-After meanwhile, and
 * the service recovers by itself. Uses a PostgreSQL of its own, which it stops and
 * starts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.hikari.connection-timeout=1000")
class DatabaseOutageTests {

	private static final Path dataDirectory = createDirectory();

	private static final int port = freePort();

	private static EmbeddedPostgres postgres = start();

	@LocalServerPort
	private int serverPort;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("secrets.master-key", () -> TestDatabase.MASTER_KEY);
		registry.add("secrets.admin-token", () -> TestDatabase.ADMIN_TOKEN);
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
		// Its data directory is ours (kept across the restart): nothing left in /tmp.
		org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
	}

	@Test
	void anUnreachableDatabaseAnswers503AndTheServiceRecoversByItself() throws IOException {
		Http http = new Http(this.serverPort);
		String appId = http.post("/apps", Map.of("name", "survivor")).id();
		// Deployed applications call with API tokens, which are looked up in the
		// database.
		Http application = http.as(http
			.post("/tokens", Map.of("name", "outage", "permissions", java.util.List.of("apps:read", "secrets:read")))
			.json()
			.get("token")
			.asString());

		postgres.close();
		Http.Reply downWithApiToken = application.get("/apps/" + appId);
		long started = System.nanoTime();
		Http.Reply down = http.get("/apps/" + appId);
		long downMillis = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		Http.Reply downWrite = http.post("/apps/" + appId + "/secrets", Map.of("key", "K", "value", "v"));
		long downWriteMillis = (System.nanoTime() - started) / 1_000_000;
		started = System.nanoTime();
		Http.Reply downReadiness = http.get("/actuator/health/readiness");
		long downReadinessMillis = (System.nanoTime() - started) / 1_000_000;
		Http.Reply downLiveness = http.get("/actuator/health/liveness");

		postgres = start();
		Http.Reply up = http.get("/apps/" + appId);
		for (int attempt = 0; up.status() == 503 && attempt < 30; attempt++) {
			sleep();
			up = http.get("/apps/" + appId);
		}

		assertThat(down.status()).as(down::brief).isEqualTo(503);
		assertThat(down.header("Retry-After")).isNotBlank();
		assertThat(down.header("Content-Type")).startsWith("application/problem+json");
		assertThat(down.json().get("detail").asString()).contains("database");
		assertThat(downWrite.status()).as(downWrite::brief).isEqualTo(503);
		assertThat(downWithApiToken.status()).as(downWithApiToken::brief).isEqualTo(503);
		assertThat(downWithApiToken.header("Retry-After")).isNotBlank();
		assertThat(downReadiness.status()).isEqualTo(503);
		assertThat(downReadiness.json().get("status").asString()).isEqualTo("DOWN");
		assertThat(downLiveness.status()).isEqualTo(200);
		assertThat(downMillis).as("a read while the database is down").isLessThan(1000);
		assertThat(downWriteMillis).as("a write while the database is down").isLessThan(1000);
		assertThat(downReadinessMillis).as("readiness while the database is down").isLessThan(1000);
		assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
		assertThat(up.status()).as(up::brief).isEqualTo(200);
		assertThat(up.json().get("name").asString()).isEqualTo("survivor");
	}

	/**
	 * Waits a little for the pool to replace its broken connections, as a retrying client
	 * would.
	 */
	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static EmbeddedPostgres start() {
		try {
			return TestDatabase.embedded()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.start();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("outage-pg");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
