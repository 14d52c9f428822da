package dev.appsecrets.secret;

import java.time.Clock;
import java.util.UUID;

import dev.appsecrets.web.SecretValue;
import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.audit.AuditedEvent.SecretTouched;
import dev.appsecrets.caller.AppScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A secret's history: its stored versions, one version's value, a rollback to one, and a
 * new generated value (rotation).
 */
@Service
class SecretHistory {

	private final SecretReads reads;

	private final SecretVersions versions;

	private final SecretChanges changes;

	private final AuditLog audit;

	private final Clock clock;

	SecretHistory(SecretReads reads, SecretVersions versions, SecretChanges changes, AuditLog audit, Clock clock) {
		this.reads = reads;
		this.versions = versions;
		this.changes = changes;
		this.audit = audit;
		this.clock = clock;
	}

	SecretVersionResponse.Versions versions(UUID appId, UUID secretId) {
		AppScope.require(appId);
		SecretVersionResponse.Versions versions = this.reads.versions(appId, secretId);
		String key = versions.versions().isEmpty() ? null : versions.versions().get(0).key();
		this.audit.recordRead(SecretTouched.versionsListed(appId, secretId, key, versions.versions().size()));
		return versions;
	}

	SecretVersionResponse version(UUID appId, UUID secretId, int number) {
		AppScope.requireValueReader(appId);
		SecretVersionResponse version = this.reads.version(appId, secretId, number);
		this.audit.recordRead(SecretTouched.read(appId, secretId, version.key()));
		return version;
	}

	/** Makes version {@code number}'s value the current one, as a new version. */
	@Transactional
	Tagged restore(UUID appId, UUID secretId, int number, String ifMatch) {
		AppScope.require(appId);
		Secret secret = this.changes.lock(appId, secretId, ifMatch);
		SecretVersions.Sealed version = this.versions.find(secretId, number)
			.orElseThrow(() -> new SecretVersionNotFoundException(secretId, number));
		this.changes.changeValue(secret, this.changes.openVersion(secret, version), this.clock.instant());
		this.changes.saveNow(secret);
		this.audit.record(SecretTouched.as(AuditActions.SECRET_RESTORE, appId, secretId, secret.key()));
		return this.changes.tagged(secret);
	}

	/** Stores a new random value as a new version and answers it (to a reader). */
	@Transactional
	Tagged rotate(UUID appId, UUID secretId, RotateSecretRequest request, String ifMatch) {
		AppScope.require(appId);
		Secret secret = this.changes.lock(appId, secretId, ifMatch);
		SecretValue value = ValueGenerator.generate(request.lengthOrDefault(), request.alphabetOrDefault());
		this.changes.changeValue(secret, value, this.clock.instant());
		this.changes.saveNow(secret);
		this.audit.record(SecretTouched.as(AuditActions.SECRET_ROTATE, appId, secretId, secret.key()));
		return new Tagged(SecretResponse.from(secret, AppScope.mayReadValues(appId) ? value : null),
				IfMatch.etag(secret));
	}

}
