package dev.appsecrets.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development default: with no database configured the service starts its own
 * PostgreSQL, says so, and keeps the data across restarts.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTests {

	@Test
	void withoutADatabaseUrlTheDataSurvivesARestart(@TempDir Path dataDir, CapturedOutput output) throws Exception {
		String appId;
		String key;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Http http = http(first);
			// The hint says how to call the service on the port it listens on (any port
			// here, not 8080).
			int port = ((WebServerApplicationContext) first).getWebServer().getPort();
			assertThat(output.getAll()).contains("\" localhost:" + port + "/apps").doesNotContain("localhost:8080");
			appId = http.post("/apps", Map.of("name", "persistent")).id();
			String secretId = http.post("/apps/" + appId + "/secrets", Map.of("key", "K", "value", "kept")).id();
			assertThat(secretId).isNotBlank();
		}
		assertThat(output.getAll()).contains("EMBEDDED PostgreSQL", dataDir.toString());
		assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
		assertThat(output.getAll()).contains("Generated a DEVELOPMENT master key");
		String adminToken = Files.readString(dataDir.resolve("admin.token")).strip();
		assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin.token")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		assertThat(output.getAll()).containsOnlyOnce(adminToken);
		assertThat(Files.getPosixFilePermissions(dataDir.resolve("master.key")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		key = Files.readString(dataDir.resolve("master.key")).strip();
		assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
		assertThat(output.getAll()).doesNotContain(key);

		try (ConfigurableApplicationContext second = start(dataDir)) {
			Http http = http(second);
			assertThat(Files.readString(dataDir.resolve("master.key")).strip()).isEqualTo(key);
			assertThat(http.get("/apps/" + appId).json().get("name").asString()).isEqualTo("persistent");
			assertThat(http.get("/apps/" + appId + "/secrets").json().get("secrets").get(0).get("value").asString())
				.isEqualTo("kept");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(AppSecretsVaultApplication.class).run("--server.port=0",
				"--secrets.embedded.data-dir=" + dataDir, "--spring.datasource.url=");
	}

	private static Http http(ConfigurableApplicationContext context) {
		Path tokenFile = context.getBean(dev.appsecrets.access.DevelopmentAdminToken.class).file();
		try {
			return new Http(((WebServerApplicationContext) context).getWebServer().getPort(),
					Files.readString(tokenFile).strip());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
