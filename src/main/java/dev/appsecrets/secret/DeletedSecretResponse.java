package dev.appsecrets.secret;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A deleted secret that can still be brought back (no value).
 *
 * @param purgeAt when it is destroyed unless brought back
 */
@Schema(name = "DeletedSecret")
record DeletedSecretResponse(UUID id, UUID appId, String key, int version, Instant createdAt, Instant updatedAt,
		Instant deletedAt, Instant purgeAt) {

	/** The app's deleted secrets, by key. */
	@Schema(name = "DeletedSecretList")
	record Deleted(List<DeletedSecretResponse> secrets) {
	}

}
