package dev.appsecrets.secret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.appsecrets.ApiTest;
import dev.appsecrets.DatabaseDump;

import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions, restore, generated values, ETag and If-Match, and recoverable deletes.
 */
class SecretVersionTests extends ApiTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private DeletedSecrets service;

	@Test
	void historyFollowsCreateUpdateRenameRestoreAndRotate() {
		String appId = createApp("history");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "HIST", "one");
		assertThat(http().get(path).json().get("version").asInt()).isEqualTo(1);

		http().patch(path, Map.of("value", "two"));
		http().patch(path, Map.of("key", "RENAMED"));
		JsonNode restored = http().post(path + "/versions/1/restore", "").json();
		JsonNode rotated = http().post(path + "/rotate", "").json();

		assertThat(restored.get("value").asString()).isEqualTo("one");
		assertThat(restored.get("version").asInt()).isEqualTo(3);
		assertThat(rotated.get("version").asInt()).isEqualTo(4);
		assertThat(rotated.get("value").asString()).hasSize(32);
		assertThat(versionNumbers(path)).containsExactly(4, 3, 2, 1);
		JsonNode first = http().get(path + "/versions").json().get("versions").get(3);
		assertThat(first.has("value")).isFalse();
		assertThat(first.get("createdBy").asString()).isEqualTo("admin");
		assertThat(http().get(path + "/versions/2").json().get("value").asString()).isEqualTo("two");
		assertThat(http().get(path + "/versions/3").json().get("value").asString()).isEqualTo("one");
		assertThat(http().get(path).json().get("key").asString()).isEqualTo("RENAMED");
		assertProblem(http().get(path + "/versions/9"), 404);
	}

	@Test
	void retentionKeepsTheNewestTenAndTrimmedVersionsAre404() {
		String appId = createApp("retention");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "KEEP", "v1");
		for (int i = 2; i <= 12; i++) {
			assertThat(http().patch(path, Map.of("value", "v" + i)).status()).isEqualTo(200);
		}

		assertThat(versionNumbers(path)).containsExactly(12, 11, 10, 9, 8, 7, 6, 5, 4, 3);
		assertProblem(http().get(path + "/versions/2"), 404);
		assertProblem(http().post(path + "/versions/1/restore", ""), 404);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM secret_versions v JOIN app_secrets s ON s.id = "
				+ "v.secret_id WHERE s.app_id = ?::uuid", Long.class, appId))
			.isEqualTo(10);
	}

	@Test
	void oldValuesAreNotInADumpInPlainText() {
		String appId = createApp("old-values");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "OLD", "Old-Version-Canary-1");
		http().patch(path, Map.of("value", "Old-Version-Canary-2"));

		String dump = DatabaseDump.of(this.dataSource);

		for (String form : DatabaseDump.plainForms("Old-Version-Canary-1")) {
			assertThat(dump).doesNotContain(form);
		}
		assertThat(dump).doesNotContain("Old-Version-Canary");
	}

	@Test
	void theEtagChangesWithEveryChangeAndAStaleIfMatchAnswers412() {
		String appId = createApp("etag");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "TAGGED", "v");
		String first = http().get(path).header("ETag");
		String renamed = http().patch(path, Map.of("key", "TAGGED_2")).header("ETag");
		String revalued = http().put(path, Map.of("value", "w")).header("ETag");

		String id = path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf('/') + 9);
		assertThat(first).isEqualTo("\"1.0." + id + "\"");
		assertThat(renamed).isEqualTo("\"1.1." + id + "\"");
		assertThat(revalued).isEqualTo("\"2.2." + id + "\"");
		assertThat(List.of(first, renamed, revalued)).doesNotHaveDuplicates();
		// If-Match compares strongly: a weak tag never matches, even the current one.
		assertProblem(http().send("PATCH", path, "application/json", Map.of("value", "x"),
				Map.of("If-Match", "W/" + revalued)), 412);
		assertThat(http().get(path).header("ETag")).isEqualTo(revalued);
		Map<String, String> stale = Map.of("If-Match", first);
		assertProblem(http().send("PATCH", path, "application/json", Map.of("value", "x"), stale), 412);
		assertProblem(http().send("PUT", path, "application/json", Map.of("value", "x"), stale), 412);
		assertProblem(http().send("POST", path + "/versions/1/restore", null, null, stale), 412);
		assertProblem(http().send("POST", path + "/rotate", null, null, stale), 412);
		assertProblem(http().send("DELETE", path, null, null, stale), 412);
		assertThat(http().get(path).json().get("value").asString()).isEqualTo("w");
		Reply current = http().send("PATCH", path, "application/json", Map.of("value", "y"),
				Map.of("If-Match", revalued));
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void sixteenConcurrentPatchesWithOneIfMatchGiveOne200AndFifteen412() throws Exception {
		String appId = createApp("if-match-race");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "RACE", "v");
		String etag = http().get(path).header("ETag");

		List<Integer> statuses = race(16,
				(i) -> http()
					.send("PATCH", path, "application/json", Map.of("value", "racer-" + i), Map.of("If-Match", etag))
					.status());

		assertThat(statuses).containsOnly(200, 412);
		assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(1);
		assertThat(versionNumbers(path)).containsExactly(2, 1);
	}

	@Test
	void sixteenConcurrentPatchesWithoutIfMatchAllSucceedWithVersionsWithoutGaps() throws Exception {
		String appId = createApp("last-writer");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "LAST", "v");

		List<Integer> statuses = race(16, (i) -> http().patch(path, Map.of("value", "writer-" + i)).status());

		assertThat(statuses).containsOnly(200);
		List<Integer> expected = new ArrayList<>();
		for (int v = 17; v > 7; v--) {
			expected.add(v);
		}
		assertThat(versionNumbers(path)).isEqualTo(expected);
		JsonNode current = http().get(path).json();
		assertThat(current.get("version").asInt()).isEqualTo(17);
		assertThat(http().get(path + "/versions/17").json().get("value").asString())
			.isEqualTo(current.get("value").asString());
	}

	@Test
	void generatedValuesHaveTheRequestedLengthAndAlphabetAndNeverRepeat() {
		String appId = createApp("generated");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "GEN", "v");
		Map<String, String> alphabets = Map.of("alphanumeric", "[A-Za-z0-9]", "hex", "[0-9a-f]", "base64url",
				"[A-Za-z0-9_-]", "ascii-printable", "[!-~]");
		Set<String> seen = new HashSet<>();
		alphabets.forEach((alphabet, pattern) -> {
			for (int length : new int[] { 16, 64, 4096 }) {
				String value = http().post(path + "/rotate", Map.of("length", length, "alphabet", alphabet))
					.json()
					.get("value")
					.asString();
				assertThat(value).hasSize(length).matches(pattern + "{" + length + "}");
				assertThat(seen.add(value)).as("a repeated value").isTrue();
			}
		});
		assertThat(http().post(path + "/rotate", "").json().get("value").asString()).hasSize(32)
			.matches("[A-Za-z0-9]+");
		assertProblem(http().post(path + "/rotate", Map.of("length", 15)), 400);
		assertProblem(http().post(path + "/rotate", Map.of("length", 4097)), 400);
		assertProblem(http().post(path + "/rotate", Map.of("alphabet", "emoji")), 400);
	}

	@Test
	void aDeletedSecretIsHiddenListedAsDeletedAndComesBackWithItsVersions() {
		String appId = createApp("undelete");
		String secretId = createSecret(appId, "BACK", "first");
		String path = "/apps/" + appId + "/secrets/" + secretId;
		http().patch(path, Map.of("value", "second"));

		assertThat(http().delete(path).status()).isEqualTo(204);

		assertProblem(http().get(path), 404);
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isZero();
		JsonNode deleted = http().get("/apps/" + appId + "/secrets/deleted").json().get("secrets").get(0);
		assertThat(deleted.get("id").asString()).isEqualTo(secretId);
		assertThat(deleted.has("value")).isFalse();
		assertThat(Instant.parse(deleted.get("purgeAt").asString()))
			.isAfter(Instant.parse(deleted.get("deletedAt").asString()).plusSeconds(6 * 24 * 3600));

		JsonNode back = http().post(path + "/undelete", "").json();
		assertThat(back.get("value").asString()).isEqualTo("second");
		assertThat(versionNumbers(path)).containsExactly(2, 1);
		assertThat(http().get(path + "/versions/1").json().get("value").asString()).isEqualTo("first");
		assertThat(http().get("/apps/" + appId + "/secrets/deleted").json().get("secrets").size()).isZero();
	}

	@Test
	void aDeletedSecretsKeyIsFreeAndUndeleteAnswers409WhenItWasTaken() {
		String appId = createApp("taken");
		String path = "/apps/" + appId + "/secrets/" + createSecret(appId, "TAKEN", "old");
		http().delete(path);

		createSecret(appId, "TAKEN", "new");

		assertProblem(http().post(path + "/undelete", ""), 409);
		assertThat(http().get("/apps/" + appId + "/secrets/deleted").json().get("secrets").size()).isEqualTo(1);
	}

	@Test
	void purgeDestroysAtOnceWithTheVersions() {
		String appId = createApp("purge");
		String secretId = createSecret(appId, "GONE", "v");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		assertThat(http().delete(path + "?purge=true").status()).isEqualTo(204);

		assertProblem(http().post(path + "/undelete", ""), 404);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM app_secrets WHERE id = ?::uuid", Long.class, secretId))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM secret_versions WHERE secret_id = ?::uuid",
				Long.class, secretId))
			.isZero();
		String softly = createSecret(appId, "SOFT", "v");
		http().delete("/apps/" + appId + "/secrets/" + softly);
		assertThat(http().delete("/apps/" + appId + "/secrets/" + softly + "?purge=true").status()).isEqualTo(204);
		assertThat(http().get("/apps/" + appId + "/secrets/deleted").json().get("secrets").size()).isZero();
	}

	@Test
	void deletedSecretsPastTheirRecoveryWindowArePurged() {
		String appId = createApp("expiry");
		String expired = createSecret(appId, "EXPIRED", "v");
		String recent = createSecret(appId, "RECENT", "v");
		http().delete("/apps/" + appId + "/secrets/" + expired);
		http().delete("/apps/" + appId + "/secrets/" + recent);
		this.jdbc.update("UPDATE app_secrets SET deleted_at = now() - interval '8 days' WHERE id = ?::uuid", expired);

		this.service.purgeExpired();

		JsonNode deleted = http().get("/apps/" + appId + "/secrets/deleted").json().get("secrets");
		assertThat(deleted.size()).isEqualTo(1);
		assertThat(deleted.get(0).get("id").asString()).isEqualTo(recent);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM secret_versions WHERE secret_id = ?::uuid",
				Long.class, expired))
			.isZero();
	}

	private List<Integer> versionNumbers(String path) {
		List<Integer> numbers = new ArrayList<>();
		http().get(path + "/versions").json().get("versions").forEach((v) -> numbers.add(v.get("version").asInt()));
		return numbers;
	}

	private static List<Integer> race(int racers, Function<Integer, Integer> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				int racer = i;
				Callable<Integer> call = () -> {
					start.await();
					return request.apply(racer);
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
