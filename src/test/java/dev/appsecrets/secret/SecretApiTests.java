package dev.appsecrets.secret;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /apps/{appId}/secrets} endpoints over real HTTP.
 */
class SecretApiTests extends ApiTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void createAnswers201WithLocationAndTheSecret() {
		String appId = createApp("create");

		Reply reply = http().post("/apps/" + appId + "/secrets", Map.of("key", "API_KEY", "value", "abc123"));

		assertThat(reply.status()).isEqualTo(201);
		JsonNode secret = reply.json();
		assertThat(secret.get("appId").asString()).isEqualTo(appId);
		assertThat(secret.get("key").asString()).isEqualTo("API_KEY");
		assertThat(secret.get("value").asString()).isEqualTo("abc123");
		assertThat(secret.get("createdAt").asString()).endsWith("Z");
		assertThat(secret.get("updatedAt")).isEqualTo(secret.get("createdAt"));
		String path = "/apps/" + appId + "/secrets/" + secret.get("id").asString();
		assertThat(reply.header("Location")).endsWith(path);
		assertThat(http().get(path).json()).isEqualTo(secret);
	}

	@Test
	void listIsOrderedByKeyCodePoint() {
		String appId = createApp("ordering");
		for (String key : List.of("b", "B", "_x", "a1", "A", "a", "Z9", "0")) {
			createSecret(appId, key, "v-" + key);
		}

		JsonNode secrets = http().get("/apps/" + appId + "/secrets").json().get("secrets");

		List<String> keys = new ArrayList<>();
		secrets.forEach((secret) -> keys.add(secret.get("key").asString()));
		assertThat(keys).containsExactly("0", "A", "B", "Z9", "_x", "a", "a1", "b");
		secrets.forEach(
				(secret) -> assertThat(secret.get("value").asString()).isEqualTo("v-" + secret.get("key").asString()));
	}

	@Test
	void listOfAnAppWithoutSecretsIsEmpty() {
		String appId = createApp("empty");

		assertThat(http().get("/apps/" + appId + "/secrets").body()).isEqualTo("{\"secrets\":[]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "line1\nline2\r\nline3\n", "tab\there", "nul\u0000in\u0000side", "\u0000",
			"ünïcödé ✓ 日本語 😀 𝔘", "\"quoted\" \\ backslash / slash", "\u2028\u2029\uFEFF", "   padded   " })
	void valuesRoundTripExactly(String value) {
		String appId = createApp("roundtrip");
		Reply created = http().post("/apps/" + appId + "/secrets", Map.of("key", "K", "value", value));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("value").asString()).isEqualTo(value);

		String path = "/apps/" + appId + "/secrets/" + created.id();
		assertThat(http().get(path).json().get("value").asString()).isEqualTo(value);
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").get(0).get("value").asString())
			.isEqualTo(value);

		String changed = value + "\u0000" + value;
		assertThat(http().patch(path, Map.of("value", changed)).json().get("value").asString()).isEqualTo(changed);
		assertThat(http().get(path).json().get("value").asString()).isEqualTo(changed);
	}

	@Test
	void aOneMebibyteValueRoundTrips() {
		String appId = createApp("large");
		StringBuilder value = new StringBuilder(1024 * 1024);
		for (int i = 0; value.length() < 1024 * 1024; i++) {
			value.append((char) ('a' + i % 26));
		}

		Reply created = http().post("/apps/" + appId + "/secrets", Map.of("key", "BIG", "value", value.toString()));

		assertThat(created.status()).isEqualTo(201);
		assertThat(http().get("/apps/" + appId + "/secrets/" + created.id()).json().get("value").asString())
			.isEqualTo(value.toString());
	}

	@Test
	void aValueOverTheLimitAnswers413AndStoresNothing() {
		String appId = createApp("too-large");

		Reply reply = http().post("/apps/" + appId + "/secrets",
				Map.of("key", "TOO_BIG", "value", "x".repeat(1024 * 1024 + 1)));

		assertProblem(reply, 413);
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isZero();
	}

	@Test
	void aBodyOverTheLimitAnswers413WhetherItsLengthIsDeclaredOrNot() {
		String appId = createApp("too-large-body");
		byte[] body = ("{\"key\":\"K\",\"value\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();

		assertProblem(http().post("/apps/" + appId + "/secrets", body), 413);
		assertProblem(http().postChunked("/apps/" + appId + "/secrets", body), 413);
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isZero();
	}

	@Test
	void patchChangesKeyValueOrBoth() {
		String appId = createApp("patch");
		String secretId = createSecret(appId, "OLD", "one");
		String path = "/apps/" + appId + "/secrets/" + secretId;
		JsonNode before = http().get(path).json();

		JsonNode renamed = http().patch(path, Map.of("key", "NEW")).json();
		assertThat(renamed.get("key").asString()).isEqualTo("NEW");
		assertThat(renamed.get("value").asString()).isEqualTo("one");
		assertThat(renamed.get("id")).isEqualTo(before.get("id"));
		assertThat(renamed.get("createdAt")).isEqualTo(before.get("createdAt"));
		assertThat(renamed.get("updatedAt")).isNotEqualTo(before.get("updatedAt"));

		JsonNode revalued = http().patch(path, Map.of("value", "two")).json();
		assertThat(revalued.get("key").asString()).isEqualTo("NEW");
		assertThat(revalued.get("value").asString()).isEqualTo("two");

		JsonNode both = http().put(path, Map.of("key", "BOTH", "value", "three")).json();
		assertThat(both.get("key").asString()).isEqualTo("BOTH");
		assertThat(both.get("value").asString()).isEqualTo("three");
		assertThat(http().get(path).json()).isEqualTo(both);
	}

	@Test
	void patchWithNeitherKeyNorValueAnswers400AndChangesNothing() {
		String appId = createApp("patch-empty");
		String secretId = createSecret(appId, "K", "v");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		assertThat(assertProblem(http().patch(path, Map.of()), 400).get("errors")).isNotEmpty();
		assertProblem(http().patch(path, Map.of("id", UUID.randomUUID().toString())), 400);
		assertThat(http().get(path).json().get("value").asString()).isEqualTo("v");
	}

	@Test
	void readOnlyFieldsInTheBodyAreIgnored() {
		String appId = createApp("read-only");
		String otherApp = createApp("other");
		String foreignId = UUID.randomUUID().toString();

		Reply created = http().post("/apps/" + appId + "/secrets", Map.of("key", "K", "value", "v", "id", foreignId,
				"appId", otherApp, "createdAt", "2000-01-01T00:00:00Z", "updatedAt", "2000-01-01T00:00:00Z"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.id()).isNotEqualTo(foreignId);
		assertThat(created.json().get("appId").asString()).isEqualTo(appId);
		assertThat(created.json().get("createdAt").asString()).doesNotStartWith("2000");

		String path = "/apps/" + appId + "/secrets/" + created.id();
		JsonNode patched = http().patch(path, Map.of("value", "w", "appId", otherApp, "id", foreignId)).json();
		assertThat(patched.get("appId").asString()).isEqualTo(appId);
		assertThat(patched.get("id").asString()).isEqualTo(created.id());
		assertThat(http().get("/apps/" + otherApp + "/secrets").json().get("secrets").size()).isZero();
	}

	@Test
	void deleteAnswers204ThenTheSecretIsGone() {
		String appId = createApp("delete");
		String secretId = createSecret(appId, "K", "v");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		assertThat(http().delete(path).status()).isEqualTo(204);

		assertProblem(http().get(path), 404);
		assertProblem(http().delete(path), 404);
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isZero();
		createSecret(appId, "K", "the key is free again");
	}

	@Test
	void duplicateKeyAnswers409AndKeepsTheFirstValue() {
		String appId = createApp("duplicate");
		String secretId = createSecret(appId, "DUP", "first");
		String otherId = createSecret(appId, "OTHER", "other");

		JsonNode problem = assertProblem(
				http().post("/apps/" + appId + "/secrets", Map.of("key", "DUP", "value", "second")), 409);
		assertThat(problem.get("detail").asString()).doesNotContain("second");
		assertProblem(http().patch("/apps/" + appId + "/secrets/" + otherId, Map.of("key", "DUP")), 409);

		assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString())
			.isEqualTo("first");
		assertThat(http().get("/apps/" + appId + "/secrets/" + otherId).json().get("key").asString())
			.isEqualTo("OTHER");
	}

	@Test
	void theSameKeyMayBeUsedInAnotherApp() {
		createSecret(createApp("one"), "SHARED", "1");
		createSecret(createApp("two"), "SHARED", "2");
	}

	@Test
	void sixteenConcurrentCreatesOfOneKeyGiveOne201AndFifteen409() throws Exception {
		String appId = createApp("race");
		int racers = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				String value = "racer-" + i;
				Callable<Integer> racer = () -> {
					start.await();
					return http().post("/apps/" + appId + "/secrets", Map.of("key", "RACE", "value", value)).status();
				};
				results.add(pool.submit(racer));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses.stream().filter((status) -> status == 201)).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isEqualTo(1);
	}

	@Test
	void aSecretOfAnotherAppAnswers404() {
		String owner = createApp("owner");
		String intruder = createApp("intruder");
		String secretId = createSecret(owner, "MINE", "private");
		String foreignPath = "/apps/" + intruder + "/secrets/" + secretId;

		assertProblem(http().get(foreignPath), 404);
		assertProblem(http().patch(foreignPath, Map.of("value", "stolen")), 404);
		assertProblem(http().put(foreignPath, Map.of("value", "stolen")), 404);
		assertProblem(http().delete(foreignPath), 404);

		assertThat(http().get("/apps/" + owner + "/secrets/" + secretId).json().get("value").asString())
			.isEqualTo("private");
	}

	@Test
	void unknownAppOrSecretAnswers404() {
		String unknownApp = UUID.randomUUID().toString();
		String appId = createApp("known");

		assertProblem(http().get("/apps/" + unknownApp + "/secrets"), 404);
		assertProblem(http().post("/apps/" + unknownApp + "/secrets", Map.of("key", "K", "value", "v")), 404);
		assertProblem(http().get("/apps/" + unknownApp + "/secrets/" + UUID.randomUUID()), 404);
		assertProblem(http().get("/apps/" + appId + "/secrets/" + UUID.randomUUID()), 404);
		assertProblem(http().patch("/apps/" + appId + "/secrets/" + UUID.randomUUID(), Map.of("value", "v")), 404);
	}

	@Test
	void invalidUuidsInThePathAnswer400() {
		String appId = createApp("uuids");

		assertThat(assertProblem(http().get("/apps/123/secrets"), 400).get("errors").get(0).get("field").asString())
			.isEqualTo("appId");
		assertThat(assertProblem(http().get("/apps/" + appId + "/secrets/xyz"), 400).get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("secretId");
		assertProblem(http().delete("/apps/" + appId + "/secrets/xyz"), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has-dash", "has space", "dot.ted", "ümlaut", "emoji😀", "new\nline" })
	void invalidKeysAnswer400NamingKey(String key) {
		String appId = createApp("bad-keys");

		JsonNode problem = assertProblem(http().post("/apps/" + appId + "/secrets", Map.of("key", key, "value", "v")),
				400);

		assertThat(problem.get("errors"))
			.allSatisfy((error) -> assertThat(error.get("field").asString()).isEqualTo("key"));
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isZero();
	}

	@Test
	void keysOfOneTo256AllowedCharactersAreAccepted() {
		String appId = createApp("good-keys");
		String longest = "K".repeat(256);

		createSecret(appId, longest, "v");
		createSecret(appId, "x", "v");
		createSecret(appId, "azAZ09_", "v");
		assertThat(
				assertProblem(http().post("/apps/" + appId + "/secrets", Map.of("key", "K".repeat(257), "value", "v")),
						400)
					.get("errors")
					.get(0)
					.get("field")
					.asString())
			.isEqualTo("key");
	}

	@Test
	void missingOrNullFieldsAnswer400NamingThem() {
		String appId = createApp("missing");
		String path = "/apps/" + appId + "/secrets";

		assertThat(
				assertProblem(http().post(path, Map.of("key", "K")), 400).get("errors").get(0).get("field").asString())
			.isEqualTo("value");
		Map<String, Object> nullValue = new HashMap<>();
		nullValue.put("key", "K");
		nullValue.put("value", null);
		assertThat(assertProblem(http().post(path, nullValue), 400).get("errors").get(0).get("field").asString())
			.isEqualTo("value");
		assertThat(assertProblem(http().post(path, Map.of("value", "v")), 400).get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("key");
	}

	@Test
	void nonStringValuesAreRefusedNotCoerced() {
		String appId = createApp("types");
		String path = "/apps/" + appId + "/secrets";
		for (String value : List.of("7", "0.5", "true", "{\"a\":1}", "[\"x\"]", "[]")) {
			JsonNode problem = assertProblem(http().post(path, "{\"key\":\"K\",\"value\":" + value + "}"), 400);
			assertThat(problem.get("errors").get(0).get("field").asString()).as(value).isEqualTo("value");
		}
		assertProblem(http().post(path, "{\"key\":42,\"value\":\"v\"}"), 400);
		String secretId = createSecret(appId, "K", "v");
		assertProblem(http().patch(path + "/" + secretId, "{\"value\":12345}"), 400);
		assertThat(http().get(path + "/" + secretId).json().get("value").asString()).isEqualTo("v");
	}

	@Test
	void unpairedSurrogatesAreRefusedInsteadOfMangled() {
		String appId = createApp("surrogates");

		assertProblem(http().post("/apps/" + appId + "/secrets", "{\"key\":\"K\",\"value\":\"a\\ud800b\"}"), 400);
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").size()).isZero();
	}

	@Test
	void malformedJsonAnswers400WithoutEchoingTheBody() {
		String appId = createApp("malformed");
		String path = "/apps/" + appId + "/secrets";

		JsonNode problem = assertProblem(http().post(path, "{\"key\":\"K\",\"value\": hunter2}"), 400);
		assertThat(problem.toString()).doesNotContain("hunter2");
		assertProblem(http().post(path, "{\"key\":\"K\",\"value\":\"unterminated"), 400);
		assertProblem(http().post(path, "not json at all"), 400);
	}

	@Test
	void unsupportedMethodsAnswer405AndOtherContentTypes415() {
		String appId = createApp("methods");
		String secretId = createSecret(appId, "K", "v");

		assertProblem(http().delete("/apps/" + appId + "/secrets"), 405);
		assertProblem(http().post("/apps/" + appId + "/secrets/" + secretId, Map.of("value", "v")), 405);
		assertProblem(http().send("POST", "/apps/" + appId + "/secrets", "text/plain", "K=v"), 415);
		assertProblem(http().send("PATCH", "/apps/" + appId + "/secrets/" + secretId, "application/xml", "<v/>"), 415);
	}

	@Test
	void theDatabaseEnforcesKeyFormatUniquenessAndCascade() {
		String appId = createApp("constraints");
		String insert = "insert into app_secrets (id, app_id, key, sealed_value, created_at, updated_at) "
				+ "values (gen_random_uuid(), ?::uuid, ?, ''::bytea, now(), now())";

		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(insert, appId, "bad-key"));
		this.jdbc.update(insert, appId, "GOOD");
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(insert, appId, "GOOD"));
		this.jdbc.update("delete from apps where id = ?::uuid", appId);
		assertThat(
				this.jdbc.queryForObject("select count(*) from app_secrets where app_id = ?::uuid", Long.class, appId))
			.isZero();
	}

}
