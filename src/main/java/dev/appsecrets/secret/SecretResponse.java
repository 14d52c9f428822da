package dev.appsecrets.secret;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appsecrets.web.SecretValue;
import tools.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A secret as callers see it: value included only for a caller holding
 * {@code secrets:read} on its app, and not in a names-only list.
 */
@Schema(name = "AppSecret")
record SecretResponse(UUID id, UUID appId, String key,
		@Schema(description = "The value. Present only for a caller holding secrets:read on the app; "
				+ "absent for any other caller, whichever endpoint it called, and in names-only lists (values=false)") @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(
						using = SecretValue.Revealed.class) SecretValue value,
		@Schema(description = "The current version of the value: 1 at creation, one more for each new value") int version,
		Instant createdAt, Instant updatedAt) {

	static SecretResponse from(Secret secret, SecretValue value) {
		return new SecretResponse(secret.id(), secret.appId(), secret.key(), value, secret.version(),
				secret.createdAt(), secret.updatedAt());
	}

}
