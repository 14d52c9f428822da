package dev.appsecrets.secret;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A secret as callers see it: value included only for a caller holding
 * {@code secrets:read} on its app, and not in a names-only list.
 */
@Schema(name = "AppSecret")
record SecretResponse(UUID id, UUID appId, String key,
		@Schema(description = "The value. Present only for a caller holding secrets:read on the app; "
				+ "absent for any other caller, whichever endpoint it called, and in names-only lists (values=false)") @JsonInclude(JsonInclude.Include.NON_NULL) String value,
		@Schema(description = "The current version of the value: 1 at creation, one more for each new value") int version,
		Instant createdAt, Instant updatedAt) {

	static SecretResponse from(Secret secret, String value) {
		return new SecretResponse(secret.id(), secret.appId(), secret.key(), value, secret.version(),
				secret.createdAt(), secret.updatedAt());
	}

	/**
	 * Never prints the value: records print every component, and answers reach debug
	 * logs.
	 */
	@Override
	public String toString() {
		return "SecretResponse[id=" + this.id + ", key=" + this.key + ", version=" + this.version + "]";
	}

}
