package dev.appsecrets.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.caller.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appsecrets.web.SecretValue;
import tools.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A token's metadata; the token itself only in the answer to its creation.
 */
@Schema(name = "Token")
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(UUID id, String name, List<String> permissions,
		@Schema(description = "Apps the token is limited to; absent for every app") Set<UUID> appIds, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, boolean revoked,
		@Schema(description = "The bearer token: shown only in the answer to POST /tokens, never again") @JsonSerialize(
				using = SecretValue.Revealed.class) SecretValue token) {

	static TokenResponse from(AccessToken token, String secret) {
		return new TokenResponse(token.id(), token.name(), token.permissions().stream().map(Permission::value).toList(),
				token.appIds(), token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revoked(),
				SecretValue.of(secret));
	}

}
