package dev.appsecrets.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.appsecrets.ApiTest;
import dev.appsecrets.DatabaseDump;
import dev.appsecrets.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values are encrypted at rest: nothing readable in the database, tampering detected,
 * data keys rotated while the service serves.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionAtRestTests extends ApiTest {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbc;

	/**
	 * The tampered rows go with their apps: left in the shared database, they would be
	 * reported again by every later test's re-encryption run.
	 */
	@AfterEach
	void deleteTheTamperedApps() {
		this.jdbc.update("DELETE FROM apps WHERE name IN ('tamper', 'tamper-other')");
	}

	@Test
	void noValueWrittenThroughTheApiAppearsInPlainTextInADump() {
		String appId = createApp("dump");
		List<String> values = List.of("Dump-Canary-" + UUID.randomUUID(), "ünïcödé-Canary-日本語-😀",
				"multi\nline\u0000Canary-" + UUID.randomUUID());
		String path = "/apps/" + appId + "/secrets";
		for (int i = 0; i < values.size(); i++) {
			createSecret(appId, "K" + i, values.get(i));
		}
		String updated = "Updated-Canary-" + UUID.randomUUID();
		String secretId = http().get(path).json().get("secrets").get(0).get("id").asString();
		http().patch(path + "/" + secretId, Map.of("value", updated));

		String dump = DatabaseDump.of(this.dataSource);

		assertThat(dump).contains(appId);
		for (String value : List.of(values.get(1), values.get(2), updated)) {
			for (String form : DatabaseDump.plainForms(value)) {
				assertThat(dump).doesNotContain(form);
			}
		}
		assertThat(dump).doesNotContain("Canary-");
		assertThat(this.jdbc.queryForObject("select count(*) from app_secrets where dek_id is null", Long.class))
			.isZero();
	}

	@Test
	void aCiphertextMovedToAnotherRowOrAppOrAlteredIsDetectedAndTheOthersStillRead(CapturedOutput output) {
		String appId = createApp("tamper");
		String otherApp = createApp("tamper-other");
		String source = createSecret(appId, "SOURCE", "source-value-xyz");
		String sameApp = createSecret(appId, "SAME_APP", "same-app-value");
		String altered = createSecret(appId, "ALTERED", "altered-value");
		String intact = createSecret(appId, "INTACT", "intact-value");
		String otherAppSecret = createSecret(otherApp, "OTHER", "other-value");
		String copy = "update app_secrets set sealed_value = (select sealed_value from app_secrets where id = ?::uuid), "
				+ "dek_id = (select dek_id from app_secrets where id = ?::uuid) where id = ?::uuid";
		try {
			this.jdbc.update(copy, source, source, sameApp);
			this.jdbc.update(copy, source, source, otherAppSecret);
			this.jdbc.update("update app_secrets set sealed_value = set_byte(sealed_value, 40, "
					+ "get_byte(sealed_value, 40) # 1) where id = ?::uuid", altered);

			for (String path : List.of("/apps/" + appId + "/secrets/" + sameApp,
					"/apps/" + appId + "/secrets/" + altered, "/apps/" + otherApp + "/secrets/" + otherAppSecret)) {
				Http.Reply reply = http().get(path);
				JsonNode problem = assertProblem(reply, 500);
				assertThat(problem.get("detail").asString()).isEqualTo("secret could not be decrypted");
				assertThat(reply.body()).doesNotContain("source-value-xyz");
			}
			assertThat(http().get("/apps/" + appId + "/secrets/" + source).json().get("value").asString())
				.isEqualTo("source-value-xyz");
			assertThat(http().get("/apps/" + appId + "/secrets/" + intact).json().get("value").asString())
				.isEqualTo("intact-value");
			assertThat(output.getAll()).contains("INTEGRITY ALERT", sameApp, altered, otherAppSecret)
				.doesNotContain("source-value-xyz")
				.doesNotContain("altered-value");
		}
		finally {
			http().delete("/apps/" + appId);
			http().delete("/apps/" + otherApp);
		}
	}

	@Test
	void dataKeyRotationReencryptsEveryValueWithoutLosingConcurrentChanges() throws Exception {
		String appId = createApp("rotation");
		String path = "/apps/" + appId + "/secrets";
		Map<String, String> expected = new HashMap<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String value = "value-" + i + "-" + UUID.randomUUID();
			ids.add(createSecret(appId, "K" + i, value));
			expected.put("K" + i, value);
		}
		UUID oldKey = UUID.fromString(http().get("/admin/encryption/status").json().get("activeDataKeyId").asString());

		Http.Reply rotated = http().post("/admin/encryption/rotate", "");
		for (int i = 0; i < 300; i += 10) {
			String value = "changed-during-rotation-" + i;
			assertThat(http().patch(path + "/" + ids.get(i), Map.of("value", value)).status()).isEqualTo(200);
			expected.put("K" + i, value);
		}
		JsonNode status = awaitReencryption();

		assertThat(rotated.status()).isEqualTo(202);
		UUID newKey = UUID.fromString(rotated.json().get("activeDataKeyId").asString());
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(status.get("activeDataKeyId").asString()).isEqualTo(newKey.toString());
		assertThat(status.get("dataKeys").size()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from data_keys where id = ?", Long.class, oldKey))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from app_secrets where dek_id is distinct from ?",
				Long.class, newKey))
			.isZero();
		Map<String, String> actual = new HashMap<>();
		http().get(path)
			.json()
			.get("secrets")
			.forEach((s) -> actual.put(s.get("key").asString(), s.get("value").asString()));
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void statusShowsEachDataKeyWithItsValueCount() {
		createSecret(createApp("status"), "K", "v");

		JsonNode status = http().get("/admin/encryption/status").json();

		JsonNode active = status.get("dataKeys").get(status.get("dataKeys").size() - 1);
		assertThat(active.get("active").asBoolean()).isTrue();
		assertThat(active.get("id").asString()).isEqualTo(status.get("activeDataKeyId").asString());
		assertThat(active.get("values").asLong()).isPositive();
		assertThat(active.get("masterKeyFingerprint").asString()).hasSize(16);
		assertThat(status.toString()).doesNotContain("wrapped");
	}

	private JsonNode awaitReencryption() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode status = http().get("/admin/encryption/status").json();
		while ((status.get("pendingReencryption").asLong() > 0 || status.get("dataKeys").size() > 1)
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			status = http().get("/admin/encryption/status").json();
		}
		return status;
	}

}
