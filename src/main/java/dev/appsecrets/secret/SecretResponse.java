package dev.appsecrets.secret;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A secret as callers see it, value included.
 */
@Schema(name = "AppSecret")
record SecretResponse(UUID id, UUID appId, String key, String value, Instant createdAt, Instant updatedAt) {

	static SecretResponse from(Secret secret, String value) {
		return new SecretResponse(secret.id(), secret.appId(), secret.key(), value, secret.createdAt(),
				secret.updatedAt());
	}

}
