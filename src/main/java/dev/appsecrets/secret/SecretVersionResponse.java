package dev.appsecrets.secret;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appsecrets.web.SecretValue;
import tools.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One version of a secret's value: its metadata in lists, with the value when asked for
 * alone.
 */
@Schema(name = "SecretVersion")
@JsonInclude(JsonInclude.Include.NON_NULL)
record SecretVersionResponse(UUID secretId, UUID appId, String key, int version, Instant createdAt, String createdBy,
		@Schema(description = "Only when one version is asked for (which needs secrets:read on the app)") @JsonSerialize(
				using = SecretValue.Revealed.class) SecretValue value) {

	/** The versions of a secret, newest first. */
	@Schema(name = "SecretVersionList")
	record Versions(List<SecretVersionResponse> versions) {
	}

}
