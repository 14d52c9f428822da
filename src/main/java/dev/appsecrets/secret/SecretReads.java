package dev.appsecrets.secret;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of current secrets and of one version, each in one read-only transaction (no
 * dirty checking, nothing to flush, a commit with no WAL to wait for). Their audit event
 * is written after the transaction, through the group commit, so that the wait for it
 * holds no connection.
 */
@Component
class SecretReads {

	private final SecretRepository secrets;

	private final SecretVersions versions;

	private final SecretChanges changes;

	SecretReads(SecretRepository secrets, SecretVersions versions, SecretChanges changes) {
		this.secrets = secrets;
		this.versions = versions;
		this.changes = changes;
	}

	/**
	 * The app's current secrets, with their values or without; whether the app exists is
	 * asked only when it has none.
	 */
	@Transactional(readOnly = true)
	List<SecretResponse> list(UUID appId, boolean withValues) {
		List<SecretResponse> secrets = this.secrets.findByAppIdAndDeletedAtIsNullOrderByKey(appId)
			.stream()
			.map((secret) -> this.changes.response(secret, withValues))
			.toList();
		if (secrets.isEmpty()) {
			this.changes.requireApp(appId);
		}
		return secrets;
	}

	@Transactional(readOnly = true)
	Tagged get(UUID appId, UUID secretId) {
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(this.changes.notFound(appId, secretId));
		return this.changes.tagged(secret);
	}

	/** The versions of a secret, newest first, without values. */
	@Transactional(readOnly = true)
	SecretVersionResponse.Versions versions(UUID appId, UUID secretId) {
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(this.changes.notFound(appId, secretId));
		return new SecretVersionResponse.Versions(this.versions.list(secretId)
			.stream()
			.map((version) -> new SecretVersionResponse(secretId, appId, secret.key(), version.version(),
					version.createdAt(), version.createdBy(), null))
			.toList());
	}

	@Transactional(readOnly = true)
	SecretVersionResponse version(UUID appId, UUID secretId, int number) {
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(this.changes.notFound(appId, secretId));
		SecretVersions.Sealed version = this.versions.find(secretId, number)
			.orElseThrow(() -> new SecretVersionNotFoundException(secretId, number));
		return new SecretVersionResponse(secretId, appId, secret.key(), number, version.createdAt(),
				version.createdBy(), this.changes.openVersion(secret, version));
	}

}
