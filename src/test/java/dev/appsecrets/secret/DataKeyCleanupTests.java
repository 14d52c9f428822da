package dev.appsecrets.secret;

import java.util.Map;

import dev.appsecrets.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retired data keys are deleted once nothing uses them; one that a stored version still
 * uses (say one that cannot be re-encrypted) is kept, and does not stop the others from
 * being deleted.
 */
class DataKeyCleanupTests extends ApiTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SecretReencryptor reencryptor;

	@Test
	void aRetiredKeyStillUsedByAVersionIsKeptAndTheUnusedOnesAreDeleted() throws InterruptedException {
		String appId = createApp("cleanup");
		String secretId = createSecret(appId, "KEPT", "first");
		http().patch("/apps/" + appId + "/secrets/" + secretId, Map.of("value", "second"));
		String stuckKey = activeKey();
		// Version 1 cannot be re-encrypted any more: it stays under its key.
		this.jdbc.update("UPDATE secret_versions SET sealed_value = set_byte(sealed_value, 40, "
				+ "get_byte(sealed_value, 40) # 1) WHERE secret_id = ?::uuid AND version = 1", secretId);
		assertThat(http().post("/admin/encryption/rotate", null).status()).isEqualTo(202);
		String unusedKey = activeKey();
		assertThat(http().post("/admin/encryption/rotate", null).status()).isEqualTo(202);

		// The rotation starts a run in the background; a run asked for meanwhile is
		// skipped.
		for (int attempt = 0; attempt < 100 && keyExists(unusedKey); attempt++) {
			Thread.sleep(100);
			this.reencryptor.reencrypt();
		}

		assertThat(keyExists(stuckKey)).isTrue();
		assertThat(keyExists(unusedKey)).isFalse();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM secret_versions WHERE dek_id = ?::uuid", Long.class,
				stuckKey))
			.isEqualTo(1);
		assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString())
			.isEqualTo("second");

		// Leaves the shared database without a key it cannot retire.
		assertThat(http().delete("/apps/" + appId).status()).isEqualTo(204);
		for (int attempt = 0; attempt < 100 && keyExists(stuckKey); attempt++) {
			Thread.sleep(100);
			this.reencryptor.reencrypt();
		}
		assertThat(keyExists(stuckKey)).isFalse();
	}

	private String activeKey() {
		return http().get("/admin/encryption/status").json().get("activeDataKeyId").asString();
	}

	private boolean keyExists(String id) {
		return this.jdbc.queryForObject("SELECT count(*) FROM data_keys WHERE id = ?::uuid", Long.class, id) == 1;
	}

}
