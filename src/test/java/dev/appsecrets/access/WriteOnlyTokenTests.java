package dev.appsecrets.access;

import java.util.List;
import java.util.Map;

import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 2 of the attack: a {@code secrets:write}-only token got values back from a
 * rename, a restore and an undelete. Every route that answers a secret is tried with
 * callers that may write but not read that app's values: no answer carries a value.
 */
class WriteOnlyTokenTests extends AccessTest {

	private static final String OLD = "first-value-of-the-secret";

	private static final String CURRENT = "current-value-of-the-secret";

	@Test
	void noWriteRouteAnswersAValueToACallerWithoutSecretsRead() {
		String appId = createApp("write-only");
		String other = createApp("write-only-other");
		List<Http> writers = List.of(holding(List.of("secrets:write"), List.of(appId)),
				holding(List.of("secrets:write"), null),
				holding(List.of("secrets:write", "secrets:list", "apps:read", "apps:write", "audit:read"), null),
				// secrets:read on another app only: still no value of this one.
				http().as(stored(java.util.EnumSet.of(permission("secrets:write")), List.of(appId))[0]));
		for (Http writer : writers) {
			String secrets = "/apps/" + appId + "/secrets";
			String secretId = writer.post(secrets, Map.of("key", "CREATED_" + System.nanoTime(), "value", OLD)).id();
			String path = secrets + "/" + secretId;
			String deletedId = createSecret(appId, "DELETED_" + System.nanoTime(), CURRENT);
			http().delete(secrets + "/" + deletedId);
			http().patch(path, Map.of("value", CURRENT));

			List<Reply> answers = List.of(writer.patch(path, Map.of("key", "RENAMED_" + System.nanoTime())),
					writer.put(path, Map.of("key", "PUT_" + System.nanoTime())),
					writer.post(path + "/versions/1/restore", null), writer.post(path + "/rotate", null),
					writer.post(path + "/rotate", Map.of("length", 40, "alphabet", "hex")),
					writer.patch(path, Map.of("value", "written-by-the-writer")),
					writer.put(path, Map.of("key", "BOTH_" + System.nanoTime(), "value", "written-again")),
					writer.post(secrets + "/" + deletedId + "/undelete", null));
			for (Reply answer : answers) {
				assertThat(answer.status()).as(answer::brief).isEqualTo(200);
				assertThat(answer.json().has("value")).as(answer::brief).isFalse();
				assertThat(answer.body()).doesNotContain(OLD).doesNotContain(CURRENT).doesNotContain("written-");
				assertThat(answer.json().get("version").asInt()).isPositive();
				assertThat(answer.header("ETag")).isNotBlank();
			}
			Reply created = writer.post(secrets, Map.of("key", "NEW_" + System.nanoTime(), "value", "new-value"));
			assertThat(created.status()).isEqualTo(201);
			assertThat(created.json().has("value")).isFalse();
			assertThat(created.body()).doesNotContain("new-value");

			JsonNode list = writer.get(secrets).json();
			if (list.has("secrets")) {
				list.get("secrets").forEach((secret) -> assertThat(secret.has("value")).isFalse());
			}
			assertProblem(writer.get(path), 403);
			assertProblem(writer.get(path + "/versions/1"), 403);
		}
		assertThat(http().get("/apps/" + other + "/secrets").json().get("secrets")).isEmpty();
	}

	@Test
	void aRotationByAWriterAnswersTheNewVersionsMetadataAndAReaderThenSeesTheValue() {
		String appId = createApp("rotate-write-only");
		String secretId = createSecret(appId, "ROTATED", "before");
		Http writer = holding(List.of("secrets:write"), List.of(appId));

		Reply rotated = writer.post("/apps/" + appId + "/secrets/" + secretId + "/rotate", Map.of("length", 24));

		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().get("version").asInt()).isEqualTo(2);
		assertThat(rotated.json().has("value")).isFalse();
		String value = http().get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString();
		assertThat(value).hasSize(24).isNotEqualTo("before");
		assertThat(rotated.body()).doesNotContain(value);
	}

	@Test
	void aReaderAndWriterStillGetsTheValueBackFromAChange() {
		String appId = createApp("read-write");
		String secretId = createSecret(appId, "BOTH", "old");
		Http both = holding(List.of("secrets:read", "secrets:write"), List.of(appId));

		Reply renamed = both.patch("/apps/" + appId + "/secrets/" + secretId, Map.of("key", "BOTH_RENAMED"));
		Reply created = both.post("/apps/" + appId + "/secrets", Map.of("key", "MADE", "value", "made-value"));

		assertThat(renamed.json().get("value").asString()).isEqualTo("old");
		assertThat(created.json().get("value").asString()).isEqualTo("made-value");
	}

}
