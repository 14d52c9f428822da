package dev.appsecrets.secret;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records print all their components by default; the ones that carry a value must not,
 * since Spring logs request and response objects at debug level.
 */
class RedactionTests {

	private static final String VALUE = "redaction-canary";

	@Test
	void objectsCarryingAValueNeverPrintIt() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		Object[] carriers = { new CreateSecretRequest("K", VALUE), new UpdateSecretRequest("K", VALUE),
				new SecretResponse(id, id, "K", VALUE, 1, now, now),
				new SecretVersionResponse(id, id, "K", 1, now, "admin", VALUE),
				new SecretListResponse(java.util.List.of(new SecretResponse(id, id, "K", VALUE, 1, now, now))),
				new Tagged(new SecretResponse(id, id, "K", VALUE, 1, now, now), "\"1\"") };

		for (Object carrier : carriers) {
			assertThat(carrier.toString()).as(carrier.getClass().getSimpleName()).doesNotContain(VALUE).contains("K");
		}
	}

}
