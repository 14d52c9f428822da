package dev.appsecrets.keyring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.DatabaseDump;
import dev.appsecrets.Http;
import dev.appsecrets.TestDatabase;
import dev.appsecrets.crypto.LocalKeyEncryptionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up with and without the right master key, and master-key rotation, each on a
 * database of its own.
 */
class MasterKeyStartupTests {

	private static final String KEY_1 = LocalKeyEncryptionKey.generateBase64();

	private static final String KEY_2 = LocalKeyEncryptionKey.generateBase64();

	private TestDatabase.Fresh database;

	@BeforeEach
	void startDatabase() {
		this.database = TestDatabase.freshDatabase();
	}

	@AfterEach
	void stopDatabase() {
		this.database.close();
	}

	@Test
	void withAnExternalDatabaseAndNoMasterKeyStartupIsRefusedSayingWhatToSet() {
		assertThatThrownBy(() -> start()).satisfies((ex) -> assertThat(rootMessage(ex)).contains("SECRETS_MASTER_KEY",
				"SECRETS_MASTER_KEY_FILE", "openssl rand -base64 32"));
	}

	@Test
	void aMalformedMasterKeyIsRefusedWithoutEchoingIt() {
		String malformed = "c2hvcnQga2V5";
		assertThatThrownBy(() -> start("--secrets.master-key=" + malformed))
			.satisfies((ex) -> assertThat(rootMessage(ex)).contains("SECRETS_MASTER_KEY", "32 bytes")
				.doesNotContain(malformed));
	}

	@Test
	void theMasterKeyCanComeFromAFile(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("master.key");
		Files.writeString(file, KEY_1 + "\n");
		try (ConfigurableApplicationContext context = start("--secrets.master-key-file=" + file)) {
			assertThat(http(context).post("/apps", Map.of("name", "from-file")).status()).isEqualTo(201);
		}
	}

	@Test
	void aMasterKeyThatCannotOpenTheDataKeysIsRefusedNamingTheNeededFingerprint() {
		String fingerprint1 = LocalKeyEncryptionKey.fromBase64(KEY_1, "key 1").fingerprint();
		try (ConfigurableApplicationContext context = start("--secrets.master-key=" + KEY_1)) {
			createSecret(http(context), "kept-under-key-1");
		}

		assertThatThrownBy(() -> start("--secrets.master-key=" + KEY_2)).satisfies(
				(ex) -> assertThat(rootMessage(ex)).contains(fingerprint1).doesNotContain(KEY_1).doesNotContain(KEY_2));
		assertThat(new JdbcTemplate(this.database.dataSource()).queryForObject("select count(*) from data_keys",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void masterKeyRotationRewrapsTheDataKeysAfterWhichTheOldKeyIsNotNeeded() {
		String fingerprint2 = LocalKeyEncryptionKey.fromBase64(KEY_2, "key 2").fingerprint();
		String path;
		try (ConfigurableApplicationContext context = start("--secrets.master-key=" + KEY_1)) {
			path = createSecret(http(context), "survives-rotation");
			assertThat(http(context).post("/admin/encryption/rotate", "").status()).isEqualTo(202);
			createSecret(http(context), "under-second-data-key");
		}

		try (ConfigurableApplicationContext context = start("--secrets.master-key=" + KEY_2,
				"--secrets.previous-master-keys=" + KEY_1)) {
			assertThat(http(context).get(path).json().get("value").asString()).isEqualTo("survives-rotation");
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		List<String> fingerprints = jdbc.queryForList("select distinct master_key_fingerprint from data_keys",
				String.class);
		assertThat(fingerprints).containsExactly(fingerprint2);
		assertThat(
				jdbc.queryForList("select actor_id from audit_events where action = 'masterkey.rotate'", String.class))
			.containsExactly("system");

		try (ConfigurableApplicationContext context = start("--secrets.master-key=" + KEY_2)) {
			assertThat(http(context).get(path).json().get("value").asString()).isEqualTo("survives-rotation");
		}
		String dump = DatabaseDump.of(this.database.dataSource());
		assertThat(dump).doesNotContain("survives-rotation").doesNotContain(KEY_1).doesNotContain(KEY_2);
	}

	@Test
	void reencryptionInterruptedByARestartResumesAtStartup() throws InterruptedException {
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		List<String> paths = new ArrayList<>();
		try (ConfigurableApplicationContext context = start("--secrets.master-key=" + KEY_1)) {
			for (int i = 0; i < 5; i++) {
				paths.add(createSecret(http(context), "value-" + i));
			}
			// What the database holds before the rotation: values under the first data
			// key.
			jdbc.execute("create table saved_keys as select * from data_keys");
			jdbc.execute("create table saved_values as select id, sealed_value, dek_id from app_secrets");
			assertThat(http(context).post("/admin/encryption/rotate", "").status()).isEqualTo(202);
			awaitNoRetiredKeys(jdbc);
		}
		// Put the database back where a rotation leaves it when the service stops before
		// re-encrypting anything: a new active key, every value still under the retired
		// one.
		jdbc.execute("insert into data_keys select id, wrapped_key, master_key_fingerprint, false, created_at "
				+ "from saved_keys");
		jdbc.execute("update app_secrets s set sealed_value = v.sealed_value, dek_id = v.dek_id "
				+ "from saved_values v where v.id = s.id");
		assertThat(jdbc.queryForObject("select count(*) from data_keys", Long.class)).isEqualTo(2);

		try (ConfigurableApplicationContext context = start("--secrets.master-key=" + KEY_1)) {
			awaitNoRetiredKeys(jdbc);
			assertThat(jdbc.queryForObject(
					"select count(*) from app_secrets where dek_id <> (select id from data_keys where active)",
					Long.class))
				.isZero();
			for (int i = 0; i < paths.size(); i++) {
				assertThat(http(context).get(paths.get(i)).json().get("value").asString()).isEqualTo("value-" + i);
			}
		}
	}

	private static void awaitNoRetiredKeys(JdbcTemplate jdbc) throws InterruptedException {
		for (int i = 0; i < 150
				&& jdbc.queryForObject("select count(*) from data_keys where not active", Long.class) > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(jdbc.queryForObject("select count(*) from data_keys where not active", Long.class)).isZero();
	}

	private String createSecret(Http http, String value) {
		String appId = http.post("/apps", Map.of("name", "keys")).id();
		String secretId = http.post("/apps/" + appId + "/secrets", Map.of("key", "K", "value", value)).id();
		return "/apps/" + appId + "/secrets/" + secretId;
	}

	private ConfigurableApplicationContext start(String... arguments) {
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		args.addAll(List.of(this.database.arguments()));
		args.addAll(List.of(arguments));
		return new SpringApplicationBuilder(AppSecretsVaultApplication.class).run(args.toArray(String[]::new));
	}

	private static Http http(ConfigurableApplicationContext context) {
		return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof MasterKeyException)) {
			cause = cause.getCause();
		}
		return cause.getMessage() + " " + ((cause instanceof MasterKeyException key) ? key.action() : "");
	}

}
