package dev.appsecrets.secret;

import java.util.List;
import java.util.Map;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the table directly: an older ciphertext of the secret written back into
 * its row (replay), or plain text in a row without a data key (forgery), is refused with
 * an integrity alert, never served or adopted.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplayAndForgeryTests extends ApiTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SecretReencryptor reencryptor;

	@Autowired
	private ResealBatches batches;

	@Autowired
	private dev.appsecrets.keyring.DataKeyRing keyRing;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	/**
	 * The tampered rows go with their apps: left in the shared database, they would be
	 * reported again by every later test's re-encryption run.
	 */
	@AfterEach
	void deleteTheTamperedApps() {
		this.jdbc.update("DELETE FROM apps WHERE name IN ('replay', 'legacy-forgery', 'tampered-load', 'forgery')");
	}

	@Test
	void anOlderCiphertextWrittenBackIntoItsRowFailsToOpen(CapturedOutput output) {
		String appId = createApp("replay");
		String secretId = createSecret(appId, "REPLAYED", "old-value");
		byte[] old = this.jdbc.queryForObject("select sealed_value from app_secrets where id = ?::uuid", byte[].class,
				secretId);
		String path = "/apps/" + appId + "/secrets/" + secretId;
		assertThat(http().patch(path, Map.of("value", "new-value")).status()).isEqualTo(200);

		this.jdbc.update("update app_secrets set sealed_value = ? where id = ?::uuid", old, secretId);

		Reply read = http().get(path);
		assertProblem(read, 500);
		assertThat(read.body()).doesNotContain("old-value").doesNotContain("new-value");
		assertThat(http().get("/apps/" + appId + "/secrets").status()).isEqualTo(500);
		assertThat(output.getAll()).contains("INTEGRITY ALERT", secretId).doesNotContain("old-value");
		assertThat(http().get(path + "/versions/1").json().get("value").asString()).isEqualTo("old-value");
		assertThat(http().get(path + "/versions/2").json().get("value").asString()).isEqualTo("new-value");
	}

	@Test
	void aRowAddedToTheLegacyListAfterTheUpgradeIsReportedNeverAdopted(CapturedOutput output) {
		String appId = createApp("legacy-forgery");
		String secretId = createSecret(appId, "LEGACY_FORGED", "genuine-value");
		this.jdbc.update("update app_secrets set dek_id = null, sealed_value = convert_to('forged-value', 'UTF8') "
				+ "where id = ?::uuid", secretId);
		// The owner of the table can switch its trigger off: the list is still not
		// trusted.
		this.jdbc.execute("ALTER TABLE legacy_values DISABLE TRIGGER legacy_values_closed");
		try {
			this.jdbc.update("INSERT INTO legacy_values (secret_id) VALUES (?::uuid)", secretId);
		}
		finally {
			this.jdbc.execute("ALTER TABLE legacy_values ENABLE TRIGGER legacy_values_closed");
		}

		this.reencryptor.afterSingletonsInstantiated();
		// Even the start that applied V8 seals plain text only if it also encrypts a
		// database from before encryption at rest (V2 in the same start).
		this.transactions.executeWithoutResult((status) -> this.batches.legacyValues(this.keyRing.active(), false));

		assertThat(this.jdbc.queryForObject("select dek_id is null from app_secrets where id = ?::uuid", Boolean.class,
				secretId))
			.isTrue();
		assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).body()).doesNotContain("forged-value");
		assertThat(output.getAll()).contains("INTEGRITY ALERT", secretId, "listed as stored in an older form",
				"plain text in a database that was already encrypted");
		this.jdbc.update("DELETE FROM legacy_values WHERE secret_id = ?::uuid", secretId);
	}

	@Test
	void thirtyConcurrentReadsOfATamperedValueLeaveThePoolToHealthyReads() throws Exception {
		String appId = createApp("tampered-load");
		String tampered = createSecret(appId, "TAMPERED", "tampered-value");
		String healthy = createSecret(appId, "HEALTHY", "healthy-value");
		this.jdbc.update("update app_secrets set sealed_value = set_byte(sealed_value, 40, "
				+ "get_byte(sealed_value, 40) # 1) where id = ?::uuid", tampered);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
		try {
			List<java.util.concurrent.Future<Reply>> bad = new java.util.ArrayList<>();
			List<java.util.concurrent.Future<Reply>> good = new java.util.ArrayList<>();
			for (int i = 0; i < 30; i++) {
				bad.add(pool.submit(() -> http().send("GET", "/apps/" + appId + "/secrets/" + tampered, null, null,
						Map.of("X-Request-Id", "tampered-load"))));
				good.add(pool.submit(() -> http().get("/apps/" + appId + "/secrets/" + healthy)));
			}
			for (java.util.concurrent.Future<Reply> reply : good) {
				Reply answer = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(answer.status()).as(answer::brief).isEqualTo(200);
			}
			for (java.util.concurrent.Future<Reply> reply : bad) {
				assertProblem(reply.get(60, java.util.concurrent.TimeUnit.SECONDS), 500);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(http().get("/audit-events?requestId=tampered-load&outcome=failed&limit=100").json().get("events"))
			.hasSize(30);
	}

	@Test
	void plainTextForgedIntoARowIsNeverServedNorAdoptedByReencryption(CapturedOutput output) {
		String appId = createApp("forgery");
		String secretId = createSecret(appId, "FORGED", "genuine-value");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		this.jdbc.update("update app_secrets set dek_id = null, sealed_value = convert_to('forged-value', 'UTF8') "
				+ "where id = ?::uuid", secretId);

		assertProblem(http().get(path), 500);
		this.reencryptor.reencrypt();
		this.reencryptor.afterSingletonsInstantiated();
		Reply read = http().get(path);
		assertProblem(read, 500);
		assertThat(read.body()).doesNotContain("forged-value");
		assertThat(this.jdbc.queryForObject("select dek_id is null from app_secrets where id = ?::uuid", Boolean.class,
				secretId))
			.isTrue();
		assertThat(output.getAll()).contains("INTEGRITY ALERT", secretId);
		// Nor can the row be passed off as one of the legacy rows start-up seals anew.
		org.assertj.core.api.Assertions.assertThatException()
			.isThrownBy(() -> this.jdbc.update("INSERT INTO legacy_values (secret_id) VALUES (?::uuid)", secretId));
	}

}
