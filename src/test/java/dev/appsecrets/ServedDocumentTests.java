package dev.appsecrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check every API test makes against the served OpenAPI document catches what it is
 * for: an undocumented status, an answer its schema refuses, an accepted request it
 * refuses.
 */
class ServedDocumentTests extends ApiTest {

	private static final String APP = "/apps/0b5e1c2a-7d4e-4f3a-9c61-2a8f5e7b9d10";

	@Test
	void anAnswerOrARequestThatIsNotAsDocumentedFailsTheTest() {
		ServedDocument document = ServedDocument.of(port());
		String app = "{\"id\":\"0b5e1c2a-7d4e-4f3a-9c61-2a8f5e7b9d10\",\"name\":\"n\","
				+ "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
		assertThatCode(() -> document.check("GET", APP, null, null, reply(200, app))).doesNotThrowAnyException();

		assertThatThrownBy(() -> document.check("GET", APP, null, null, reply(418, "{}")))
			.hasMessageContaining("status not documented");
		assertThatThrownBy(() -> document.check("GET", APP, null, null, reply(200, "{\"id\":1}")))
			.hasMessageContaining("not as documented");
		assertThatThrownBy(() -> document.check("GET", APP, null, null,
				reply(200, app.replace("}", ",\"secretValue\":\"leaked\"}"))))
			.hasMessageContaining("not as documented");
		assertThatThrownBy(() -> document.check("POST", "/apps", "application/json",
				"{\"name\":\"   \"}".getBytes(StandardCharsets.UTF_8), reply(201, app)))
			.hasMessageContaining("request of");
	}

	private static Http.Reply reply(int status, String body) {
		return new Http.Reply(status, Map.of("Content-Type", List.of("application/json")),
				body.getBytes(StandardCharsets.UTF_8));
	}

}
