package dev.appsecrets.secret;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appsecrets.web.SecretValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Values travel as {@link SecretValue}: printed redacted (Spring logs request and
 * response objects at debug level), written to JSON only by the properties that answer
 * with them.
 */
class RedactionTests {

	private static final String VALUE = "redaction-canary";

	private static final SecretValue SECRET_VALUE = SecretValue.of(VALUE);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void objectsCarryingAValueNeverPrintIt() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		Object[] carriers = { SECRET_VALUE, new CreateSecretRequest("K", SECRET_VALUE),
				new UpdateSecretRequest("K", SECRET_VALUE), new SecretResponse(id, id, "K", SECRET_VALUE, 1, now, now),
				new SecretVersionResponse(id, id, "K", 1, now, "admin", SECRET_VALUE),
				new SecretListResponse(List.of(new SecretResponse(id, id, "K", SECRET_VALUE, 1, now, now))),
				new Tagged(new SecretResponse(id, id, "K", SECRET_VALUE, 1, now, now), "\"1\"") };

		for (Object carrier : carriers) {
			assertThat(carrier.toString()).as(carrier.getClass().getSimpleName()).doesNotContain(VALUE);
		}
	}

	@Test
	void answersWriteTheValueAsAString() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();

		assertThat(this.json.writeValueAsString(new SecretResponse(id, id, "K", SECRET_VALUE, 1, now, now)))
			.contains("\"value\":\"" + VALUE + "\"");
		assertThat(this.json.writeValueAsString(new SecretVersionResponse(id, id, "K", 1, now, "admin", SECRET_VALUE)))
			.contains("\"value\":\"" + VALUE + "\"");
	}

	@Test
	void aValueWrittenAnywhereElseFailsInsteadOfLeaking() {
		assertThatExceptionOfType(DatabindException.class).isThrownBy(() -> this.json.writeValueAsString(SECRET_VALUE))
			.withMessageNotContaining(VALUE);
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> this.json.writeValueAsString(Map.of("value", SECRET_VALUE)))
			.withMessageNotContaining(VALUE);
	}

	@Test
	void requestsReadTheValueFromAString() {
		CreateSecretRequest request = this.json.readValue("{\"key\":\"K\",\"value\":\"" + VALUE + "\"}",
				CreateSecretRequest.class);

		assertThat(request.value().reveal()).isEqualTo(VALUE);
		assertThat(this.json.readValue("{\"key\":\"K\"}", UpdateSecretRequest.class).value()).isNull();
	}

}
