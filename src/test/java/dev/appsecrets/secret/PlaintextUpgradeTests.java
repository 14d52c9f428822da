package dev.appsecrets.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.DatabaseDump;
import dev.appsecrets.Http;
import dev.appsecrets.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before encryption at rest (schema version 1, values in plain text)
 * is encrypted on upgrade, before the service serves a request, and loses nothing.
 */
class PlaintextUpgradeTests {

	@Test
	void plainTextValuesOfTheOldSchemaAreEncryptedOnUpgradeAndReadBackUnchanged() throws IOException {
		try (TestDatabase.Fresh database = TestDatabase.freshDatabase()) {
			DataSource dataSource = database.dataSource();
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			UUID appId = UUID.randomUUID();
			jdbc.update("insert into apps (id, name, created_at, updated_at) values (?, 'legacy', now(), now())",
					appId);
			Map<String, String> values = Map.of("PLAIN", "Legacy-Plain-Value", "EMPTY", "", "UNICODE",
					"Legacy-ünïcödé-😀\nline\u0000nul");
			values.forEach((key, value) -> jdbc.update(
					"insert into app_secrets (id, app_id, key, value, created_at, updated_at) values (?, ?, ?, ?, now(), now())",
					UUID.randomUUID(), appId, key, value.getBytes(StandardCharsets.UTF_8)));

			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AppSecretsVaultApplication.class)
				.run(with(database.arguments(), "--server.port=0",
						"--secrets.master-key=" + TestDatabase.MASTER_KEY))) {
				assertThat(jdbc.queryForObject("select count(*) from app_secrets where dek_id is null", Long.class))
					.isZero();
				String dump = DatabaseDump.of(dataSource);
				for (String form : List.of("Legacy-Plain-Value", "Legacy-", "4c65676163792d")) {
					assertThat(dump).doesNotContain(form);
				}
				Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
				JsonNode secrets = http.get("/apps/" + appId + "/secrets").json().get("secrets");
				assertThat(secrets.size()).isEqualTo(3);
				secrets.forEach((secret) -> assertThat(secret.get("value").asString())
					.isEqualTo(values.get(secret.get("key").asString())));
			}
		}
	}

	private static String[] with(String[] arguments, String... more) {
		return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(more))
			.toArray(String[]::new);
	}

}
