package dev.appsecrets.secret;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole apps in and out over HTTP: export as dotenv, JSON and properties, bulk import and
 * sync, and the secrets by key.
 */
class SecretTransferTests extends ApiTest {

	private static final String DOTENV = "text/plain";

	@Test
	void exportThenImportGivesBackEveryHardValueExactly() {
		Map<String, String> corpus = DotenvTests.corpus();
		String source = createApp("export-source");
		corpus.forEach((key, value) -> createSecret(source, key, value));

		for (String format : List.of("dotenv", "json")) {
			Reply export = http().get("/apps/" + source + "/secrets/export?format=" + format);
			assertThat(export.status()).as(export::brief).isEqualTo(200);
			String target = createApp("import-target-" + format);
			Reply imported = http().send("PUT", "/apps/" + target + "/secrets",
					"dotenv".equals(format) ? DOTENV : "application/json", export.bytes());
			assertThat(imported.status()).as(imported::brief).isEqualTo(200);
			assertThat(imported.json().get("counts").get("created").asInt()).isEqualTo(corpus.size());
			assertThat(values(target)).as(format).isEqualTo(new TreeMap<>(corpus));
		}
	}

	@Test
	void exportsAreSortedByKeyInTheFormatAskedForAndNamedAsFiles() throws Exception {
		String appId = createApp("export-formats");
		createSecret(appId, "ZETA", "last");
		createSecret(appId, "ALPHA", "first value");
		createSecret(appId, "MIDDLE", "ünï $HOME");
		String path = "/apps/" + appId + "/secrets/export";

		Reply dotenv = http().get(path);
		assertThat(dotenv.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
		assertThat(dotenv.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"secrets-" + appId + ".env\"");
		assertThat(dotenv.body()).isEqualTo("ALPHA=first value\nMIDDLE='ünï $HOME'\nZETA=last\n");

		Reply json = http().send("GET", path, null, null, Map.of("Accept", "application/json"));
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.body()).isEqualTo("{\"ALPHA\":\"first value\",\"MIDDLE\":\"ünï $HOME\",\"ZETA\":\"last\"}");

		Reply properties = http().get(path + "?format=properties");
		assertThat(properties.header("Content-Disposition")).endsWith(".properties\"");
		Properties read = new Properties();
		read.load(new StringReader(properties.body()));
		assertThat(read).containsEntry("MIDDLE", "ünï $HOME").hasSize(3);
		assertThat(properties.body()).isEqualTo("ALPHA=first value\nMIDDLE=\\u00FCn\\u00EF $HOME\nZETA=last\n");

		assertThat(http().send("GET", path, null, null, Map.of("Accept", "application/xml")).status()).isEqualTo(406);
		assertProblem(http().get(path + "?format=yaml"), 400);
		// An error is a problem whatever the Accept asked for.
		assertProblem(http().send("GET", path + "?format=yaml", null, null, Map.of("Accept", "text/plain")), 400);
		assertProblem(http().send("GET", "/config/no-such-app/default", null, null,
				Map.of("Accept", "application/vnd.spring-cloud.config-server.v2+json")), 404);
		assertThat(http().get(path).header("Cache-Control")).contains("no-store");
	}

	@Test
	void exportNeedsSecretsReadAndIsAuditedAsAListWithValues() {
		String appId = createApp("export-audit");
		createSecret(appId, "API_KEY", "audited-value");
		Reply listOnly = http().as(token(List.of("secrets:list"), appId)).get("/apps/" + appId + "/secrets/export");
		assertProblem(listOnly, 403);
		assertThat(listOnly.body()).doesNotContain("audited-value");

		Reply export = http().get("/apps/" + appId + "/secrets/export");
		JsonNode events = http().get("/audit-events?requestId=" + export.header("X-Request-Id")).json().get("events");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("action").asString()).isEqualTo("secrets.read");
		assertThat(events.get(0).get("secretCount").asInt()).isEqualTo(1);
	}

	@Test
	void anImportUpsertsByKeyAndPrunesRecoverably() {
		String appId = createApp("sync");
		String path = "/apps/" + appId + "/secrets";
		Reply first = http().send("PUT", path, DOTENV, "# the first load\nA=1\nB=2\nexport C=\"three\"\n");
		assertCounts(first, 3, 0, 0, 0);
		assertThat(first.json().get("created").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
		String versionOfB = secret(appId, "B").get("version").asString();

		Reply second = http().put(path + "?prune=true", Map.of("A", "1", "C", "3", "D", "4"));
		assertCounts(second, 1, 1, 1, 1);
		assertThat(second.json().get("updated").toString()).isEqualTo("[\"C\"]");
		assertThat(second.json().get("unchanged").toString()).isEqualTo("[\"A\"]");
		assertThat(second.json().get("deleted").toString()).isEqualTo("[\"B\"]");
		assertThat(values(appId)).isEqualTo(Map.of("A", "1", "C", "3", "D", "4"));
		assertThat(secret(appId, "A").get("version").asInt()).isEqualTo(1);
		assertThat(secret(appId, "C").get("version").asInt()).isEqualTo(2);
		JsonNode deleted = http().get(path + "/deleted").json().get("secrets");
		assertThat(deleted.get(0).get("key").asString()).isEqualTo("B");
		assertThat(deleted.get(0).get("version").asString()).isEqualTo(versionOfB);

		// Without prune, absent keys stay.
		assertCounts(http().put(path, Map.of("E", "5")), 1, 0, 0, 0);
		assertThat(values(appId)).containsKeys("A", "C", "D", "E");
	}

	@Test
	void aDryRunAnswersWhatWouldHappenAndChangesNothing() {
		String appId = createApp("dry-run");
		String path = "/apps/" + appId + "/secrets";
		http().put(path, Map.of("KEEP", "same", "CHANGE", "old", "DROP", "x"));
		Map<String, String> before = values(appId);

		Reply dry = http().put(path + "?prune=true&dryRun=true", Map.of("KEEP", "same", "CHANGE", "new", "ADD", "y"));
		assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
		assertCounts(dry, 1, 1, 1, 1);
		assertThat(values(appId)).isEqualTo(before);
		assertThat(secret(appId, "CHANGE").get("version").asInt()).isEqualTo(1);
		JsonNode events = http().get("/audit-events?requestId=" + dry.header("X-Request-Id")).json().get("events");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("action").asString()).isEqualTo("secrets.import");
		assertThat(events.get(0).get("secretCount").asInt()).isZero();

		assertProblem(http().put(path + "?dryRun=", Map.of("ADD", "y")), 400);
		assertProblem(http().put(path + "?prune=yes", Map.of("ADD", "y")), 400);
		assertThat(values(appId)).isEqualTo(before);
	}

	@Test
	void everyInvalidLineIsReportedWithItsNumberAndNothingIsWritten() {
		String appId = createApp("invalid-import");
		String path = "/apps/" + appId + "/secrets";
		String body = "GOOD=1\nBAD-KEY=2\nNO_EQUALS\nEXPANDED=$HOME\nOPEN=\"never closed\nGOOD=again\n";
		Reply reply = http().send("PUT", path, DOTENV, body);
		JsonNode problem = assertProblem(reply, 400);
		List<Integer> lines = new ArrayList<>();
		problem.get("errors").forEach((error) -> lines.add(error.get("line").asInt()));
		assertThat(lines).containsExactly(2, 3, 4, 5);
		assertThat(values(appId)).isEmpty();

		JsonNode json = assertProblem(http().send("PUT", path, "application/json",
				"{\n  \"OK\": \"1\",\n  \"bad key\": \"2\",\n  \"NUMBER\": 3,\n  \"OK\": \"dup\",\n  \"NUL\": \"\\u0000\"\n}"),
				400);
		List<String> jsonErrors = new ArrayList<>();
		json.get("errors")
			.forEach((error) -> jsonErrors.add(error.get("line").asInt() + " " + error.path("key").asString("")));
		// An invalid key is not named back: it may be a value in the wrong place.
		assertThat(jsonErrors).containsExactly("3 ", "4 NUMBER", "5 OK");
		assertThat(json.toString()).doesNotContain("bad key");
		assertProblem(http().send("PUT", path, "application/json", "{\"A\": \"1\""), 400);
		assertProblem(http().send("PUT", path, "application/json", "[\"A\"]"), 400);
		assertProblem(http().send("PUT", path, "application/xml", "<A/>"), 415);
		assertThat(values(appId)).isEmpty();
	}

	@Test
	void anErrorNeverRepeatsALineThatMayHoldAValue() {
		String appId = createApp("echo");
		String path = "/apps/" + appId + "/secrets";
		String body = "PRIVATE_KEY=-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SUsecret\n"
				+ "-----END RSA PRIVATE KEY-----\nhunter2-secret-value\n\"DB_PASSWORD\": \"pw-in-json\",\n";
		JsonNode problem = assertProblem(http().send("PUT", path + "?dryRun=true", DOTENV, body), 400);
		assertThat(problem.get("errors")).hasSize(4);
		assertThat(problem.toString()).doesNotContain("MIIEowIBAAKCAQEAu1SUsecret")
			.doesNotContain("hunter2")
			.doesNotContain("pw-in-json")
			.doesNotContain("DB_PASSWORD")
			.doesNotContain("RSA");
	}

	@Test
	void blanksAtTheEndOfABareValueAreRefusedUnlessSpacesOrTabs() {
		String appId = createApp("blanks");
		String path = "/apps/" + appId + "/secrets";
		for (String blank : List.of("\u000b", "\f", "\u001c", "\u001f", "\u2028", "\u3000", "\u00a0", "\u0085")) {
			JsonNode problem = assertProblem(http().send("PUT", path, DOTENV, "A=abc" + blank + "\n"), 400);
			assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(1);
		}
		assertCounts(http().send("PUT", path, DOTENV, "A=abc \t \nB=\"abc\u000b\"\n"), 2, 0, 0, 0);
		assertThat(values(appId)).isEqualTo(Map.of("A", "abc", "B", "abc\u000b"));
	}

	@Test
	void aMisspelledParameterAnEmptyPruneOrALargeValueWritesNothing() {
		String appId = createApp("misspelled");
		String path = "/apps/" + appId + "/secrets";
		http().put(path, Map.of("KEEP", "kept"));
		for (String query : List.of("?dryrun=true", "?dry_run=true", "?Prune=true", "?prune=true&extra=1")) {
			assertProblem(http().put(path + query, Map.of("NEW", "v")), 400);
		}
		assertProblem(http().send("PUT", path + "?prune=true", DOTENV, "# only a comment\n"), 400);
		assertProblem(http().send("PUT", path + "?prune=true", "application/json", "{}"), 400);
		JsonNode large = assertProblem(http().put(path, Map.of("BIG", "x".repeat(1024 * 1024 + 1), "BAD-KEY", "v")),
				413);
		assertThat(large.get("errors")).hasSize(2);
		assertThat(values(appId)).isEqualTo(Map.of("KEEP", "kept"));
	}

	@Test
	void aSecretMadeAgainUnderAKeyHasATagOfItsOwn() {
		String appId = createApp("etag-again");
		String path = "/apps/" + appId + "/secrets/by-key/K";
		String old = http().put(path, Map.of("value", "old-value")).header("ETag");
		http().delete(path);
		Reply again = http().put(path, Map.of("value", "new-value"));
		assertThat(again.header("ETag")).isNotEqualTo(old);
		assertProblem(http().send("PUT", path, "application/json", "{\"value\":\"stale\"}", Map.of("If-Match", old)),
				412);
		assertThat(http().send("GET", path, null, null, Map.of("If-None-Match", old)).status()).isEqualTo(200);
		JsonNode badKey = assertProblem(http().get("/apps/" + appId + "/secrets/by-key/FOO-BAR"), 400);
		assertThat(badKey.get("detail").asString()).contains("secret key");
	}

	@Test
	void anImportIsAuditedPerSecretAndOnceWithItsCount() {
		String appId = createApp("import-audit");
		String path = "/apps/" + appId + "/secrets";
		http().put(path, Map.of("A", "1", "B", "2"));
		Reply reply = http().put(path + "?prune=true", Map.of("A", "changed", "C", "3"));
		JsonNode events = http().get("/audit-events?requestId=" + reply.header("X-Request-Id")).json().get("events");
		Map<String, String> actions = new TreeMap<>();
		events
			.forEach((event) -> actions.put(event.get("action").asString() + " " + event.path("secretKey").asString(""),
					event.path("secretCount").asString("")));
		assertThat(actions).containsOnlyKeys("secret.update A", "secret.create C", "secret.delete B",
				"secrets.import ");
		assertThat(actions).containsEntry("secrets.import ", "3");
	}

	@Test
	void aWriteOnlyCallerLearnsNothingOfTheStoredValues() {
		String appId = createApp("write-only-import");
		String path = "/apps/" + appId + "/secrets";
		http().put(path, Map.of("GUESS", "the-stored-value"));
		Http writer = http().as(token(List.of("secrets:write"), appId));

		Reply right = writer.put(path + "?dryRun=true", Map.of("GUESS", "the-stored-value"));
		Reply wrong = writer.put(path + "?dryRun=true", Map.of("GUESS", "another-guess"));
		assertThat(right.body()).isEqualTo(wrong.body());
		assertThat(right.json().get("updated").toString()).isEqualTo("[\"GUESS\"]");
		assertProblem(writer.get(path + "/export"), 403);
		assertProblem(writer.get(path + "/by-key/GUESS"), 403);
		// prune would name, and delete, keys it may not even list.
		JsonNode prune = assertProblem(writer.put(path + "?prune=true&dryRun=true", Map.of("OTHER", "x")), 403);
		assertThat(prune.toString()).doesNotContain("GUESS");
		assertThat(values(appId)).containsOnlyKeys("GUESS");
	}

	@Test
	void aBodyOfTooManyKeysOrManyBadLinesGetsAShortAnswer() {
		String appId = createApp("large-import");
		String path = "/apps/" + appId + "/secrets";
		StringBuilder tooMany = new StringBuilder();
		for (int i = 1; i <= ImportReader.MAX_KEYS + 1; i++) {
			tooMany.append("KEY_").append(i).append("=v\n");
		}
		JsonNode problem = assertProblem(http().send("PUT", path, DOTENV, tooMany.toString()), 400);
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(ImportReader.MAX_KEYS + 1);

		StringBuilder bad = new StringBuilder();
		for (int i = 1; i <= 5000; i++) {
			bad.append("BAD-KEY-").append(i).append("=v\n");
		}
		JsonNode many = assertProblem(http().send("PUT", path, DOTENV, bad.toString()), 400);
		assertThat(many.get("errors")).hasSize(ImportRejectedException.MAX_LISTED);
		assertThat(many.get("detail").asString()).startsWith("5000 lines or keys are invalid");
		assertThat(values(appId)).isEmpty();
	}

	@Test
	void secretsCanBeReadWrittenAndDeletedByKeyWithETags() {
		String appId = createApp("by-key");
		String path = "/apps/" + appId + "/secrets/by-key/DATABASE_URL";

		Reply created = http().put(path, Map.of("value", "postgres://one"));
		assertThat(created.status()).as(created::brief).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/apps/" + appId + "/secrets/" + created.id());
		assertThat(created.json().get("value").asString()).isEqualTo("postgres://one");
		String etag = created.header("ETag");

		Reply got = http().get(path);
		assertThat(got.json().get("value").asString()).isEqualTo("postgres://one");
		assertThat(got.header("ETag")).isEqualTo(etag);

		Reply updated = http().send("PUT", path, "application/json", "{\"value\":\"postgres://two\"}",
				Map.of("If-Match", etag));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("version").asInt()).isEqualTo(2);
		assertProblem(http().send("PUT", path, "application/json", "{\"value\":\"x\"}", Map.of("If-Match", etag)), 412);
		assertProblem(http().send("PUT", path, "application/json", "{\"value\":\"x\"}", Map.of("If-None-Match", "*")),
				412);
		assertProblem(http().send("PUT", path.replace("DATABASE_URL", "NEW"), "application/json", "{\"value\":\"x\"}",
				Map.of("If-Match", etag)), 412);
		assertProblem(http().put(path, Map.of("key", "OTHER", "value", "x")), 400);

		assertThat(http().delete(path).status()).isEqualTo(204);
		assertProblem(http().get(path), 404);
		assertProblem(http().delete(path), 404);

		// The key "versions" too, though /{secretId}/versions matches its path.
		http().put("/apps/" + appId + "/secrets/by-key/versions", Map.of("value", "v"));
		assertThat(http().get("/apps/" + appId + "/secrets/by-key/versions").json().get("value").asString())
			.isEqualTo("v");
		for (String bad : List.of("BAD-KEY", "%41", "A%20", "a.b")) {
			assertProblem(http().get("/apps/" + appId + "/secrets/by-key/" + bad), 400);
		}
	}

	@Test
	void theConfigServerEnvironmentNamesAnAppByNameOnlyIfOneHasIt() {
		String first = createApp("twin");
		String second = createApp("twin");
		createSecret(first, "SPRING_DATASOURCE_PASSWORD", "pw");
		createSecret(first, "MY_LIST_0_NAME", "first");
		JsonNode ambiguous = assertProblem(http().get("/config/twin/default"), 409);
		assertThat(ambiguous.get("detail").asString()).contains(first).contains(second);
		assertProblem(http().get("/config/no-such-app/default"), 404);

		Reply environment = http().send("GET", "/config/" + first + "/prod,eu/main", null, null,
				Map.of("Accept", "application/vnd.spring-cloud.config-server.v2+json"));
		assertThat(environment.status()).as(environment::brief).isEqualTo(200);
		JsonNode body = environment.json();
		assertThat(body.get("name").asString()).isEqualTo(first);
		assertThat(body.get("profiles").toString()).isEqualTo("[\"prod\",\"eu\"]");
		assertThat(body.get("label").asString()).isEqualTo("main");
		assertThat(body.get("propertySources").get(0).get("source").get("SPRING_DATASOURCE_PASSWORD").asString())
			.isEqualTo("pw");
		assertThat(body.get("propertySources").get(1).get("source").get("spring.datasource.password").asString())
			.isEqualTo("pw");
		assertThat(body.get("propertySources").get(1).get("source").get("my.list[0].name").asString())
			.isEqualTo("first");

		String version = body.get("version").asString();
		http().put("/apps/" + first + "/secrets/by-key/SPRING_DATASOURCE_PASSWORD", Map.of("value", "pw2"));
		assertThat(http().get("/config/" + first + "/default").json().get("version").asString()).isNotEqualTo(version);
	}

	private void assertCounts(Reply reply, int created, int updated, int unchanged, int deleted) {
		assertThat(reply.status()).as(reply::brief).isEqualTo(200);
		JsonNode counts = reply.json().get("counts");
		assertThat(List.of(counts.get("created").asInt(), counts.get("updated").asInt(),
				counts.get("unchanged").asInt(), counts.get("deleted").asInt()))
			.as(reply::brief)
			.containsExactly(created, updated, unchanged, deleted);
	}

	private Map<String, String> values(String appId) {
		Map<String, String> values = new LinkedHashMap<>();
		http().get("/apps/" + appId + "/secrets")
			.json()
			.get("secrets")
			.forEach((secret) -> values.put(secret.get("key").asString(), secret.get("value").asString()));
		return values;
	}

	private JsonNode secret(String appId, String key) {
		return http().get("/apps/" + appId + "/secrets/by-key/" + key).json();
	}

	private String token(List<String> permissions, String appId) {
		Reply reply = http().post("/tokens",
				Map.of("name", "transfer", "permissions", permissions, "appIds", List.of(appId)));
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
