package dev.appsecrets.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body is read exactly as sent or refused: no lenient decoding, no null read as
 * "absent", no field silently dropped, no value under the limit refused for its escapes.
 */
class BodyReadingTests extends ApiTest {

	@Test
	void overlongAndOtherMalformedUtf8IsA400AndStoresNothing() {
		String appId = createApp("utf8");
		String path = "/apps/" + appId + "/secrets";
		for (byte[] bad : List.of(new byte[] { (byte) 0xC0, (byte) 0xA2 }, new byte[] { (byte) 0xC0, (byte) 0x80 },
				new byte[] { (byte) 0xC1, (byte) 0xBF }, new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF4, (byte) 0x90, 0x00 },
				new byte[] { (byte) 0xC3 })) {
			Http.Reply reply = http().send("POST", path, "application/json", body("OV", bad));
			assertProblem(reply, 400);
			assertThat(reply.json().get("detail").asString()).contains("UTF-8");
		}
		assertThat(http().get(path).json().get("secrets").size()).isZero();
		// Well-formed multi-byte text is untouched.
		byte[] good = "é€😀".getBytes(StandardCharsets.UTF_8);
		assertThat(http().send("POST", path, "application/json", body("GOOD", good)).status()).isEqualTo(201);
		assertThat(http().get(path).json().get("secrets").get(0).get("value").asString()).isEqualTo("é€😀");
	}

	@Test
	void aValueUnderTheLimitIsAcceptedHoweverTheClientEscapesIt() {
		String appId = createApp("escapes");
		String nuls = "\0".repeat(200_000);
		StringBuilder escaped = new StringBuilder("{\"key\":\"NULS\",\"value\":\"");
		escaped.append("\\u0000".repeat(200_000)).append("\"}");

		Http.Reply created = http().send("POST", "/apps/" + appId + "/secrets", "application/json", escaped.toString());

		assertThat(created.status()).as(created::brief).isEqualTo(201);
		assertThat(created.json().get("value").asString()).isEqualTo(nuls);
	}

	@Test
	void anExplicitNullInAnUpdateIsRefusedNotReadAsAbsent() {
		String appId = createApp("nulls");
		String secretId = createSecret(appId, "KEY", "kept");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		for (String body : List.of("{\"key\":\"OTHER\",\"value\":null}", "{\"key\":null,\"value\":\"v\"}")) {
			assertProblem(http().send("PATCH", path, "application/json", body), 400);
		}
		Http.Reply unchanged = http().get(path);
		assertThat(unchanged.json().get("key").asString()).isEqualTo("KEY");
		assertThat(unchanged.json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void rotateRefusesAValueOrKeyItWouldHaveIgnored() {
		String appId = createApp("rotate-fields");
		String secretId = createSecret(appId, "KEY", "kept");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		for (Object body : List.of(Map.of("value", "mine"), Map.of("key", "OTHER"))) {
			assertThat(assertProblem(http().post(path + "/rotate", body), 400).get("errors")
				.get(0)
				.get("message")
				.asString()).isEqualTo("is not a field of this request");
		}
		assertThat(http().get(path).json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void anEmptyFlagIsNotTrueAndAListIsAskedForAsAList() {
		String appId = createApp("flags");
		assertProblem(http().get("/apps/" + appId + "/secrets?values="), 400);

		assertThat(assertProblem(http().post("/tokens", Map.of("name", "t", "permissions", "secrets:read")), 400)
			.get("errors")
			.get(0)
			.get("message")
			.asString()).isEqualTo("must be a list");
	}

	private static byte[] body(String key, byte[] value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("{\"key\":\"" + key + "\",\"value\":\"").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(value);
		out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

}
