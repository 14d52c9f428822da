package dev.appsecrets.secret;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.audit.AuditedEvent.SecretTouched;
import dev.appsecrets.audit.AuditedEvent.SecretsListed;
import dev.appsecrets.caller.AppScope;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleted secrets: hidden, their key free, recoverable until purged after
 * {@code secrets.deleted-retention}.
 */
@Service
class DeletedSecrets implements SchedulingConfigurer {

	private final SecretRepository secrets;

	private final SecretChanges changes;

	private final AuditLog audit;

	private final SecretLifecycleProperties lifecycle;

	private final Clock clock;

	DeletedSecrets(SecretRepository secrets, SecretChanges changes, AuditLog audit, SecretLifecycleProperties lifecycle,
			Clock clock) {
		this.secrets = secrets;
		this.changes = changes;
		this.audit = audit;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Transactional
	DeletedSecretResponse.Deleted list(UUID appId) {
		AppScope.require(appId);
		this.changes.requireApp(appId);
		List<DeletedSecretResponse> deleted = this.secrets.findByAppIdAndDeletedAtIsNotNullOrderByKey(appId)
			.stream()
			.map((secret) -> new DeletedSecretResponse(secret.id(), secret.appId(), secret.key(), secret.version(),
					secret.createdAt(), secret.updatedAt(), secret.deletedAt(),
					secret.deletedAt().plus(this.lifecycle.deletedRetention())))
			.toList();
		this.audit.record(new SecretsListed(appId, deleted.size(), false));
		return new DeletedSecretResponse.Deleted(deleted);
	}

	/**
	 * Brings a deleted secret back with its versions; 409 if its key was taken meanwhile.
	 */
	@Transactional
	Tagged undelete(UUID appId, UUID secretId) {
		AppScope.require(appId);
		Secret secret = this.secrets.findAnyForUpdate(secretId, appId)
			.filter((candidate) -> candidate.deletedAt() != null)
			.orElseThrow(this.changes.notFound(appId, secretId));
		secret.undelete(this.clock.instant());
		this.changes.saveNow(secret);
		this.audit.record(SecretTouched.as(AuditActions.SECRET_UNDELETE, appId, secretId, secret.key()));
		return this.changes.tagged(secret);
	}

	/** Purges at {@code secrets.deleted-purge-cron}. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addCronTask(this::purgeExpired, this.lifecycle.deletedPurgeCron());
	}

	/**
	 * Destroys deleted secrets whose recovery window has passed (one statement, in a
	 * transaction of its own).
	 */
	int purgeExpired() {
		return this.secrets.purgeDeletedBefore(this.clock.instant().minus(this.lifecycle.deletedRetention()));
	}

	/**
	 * Hides the secret (recoverable), or destroys it with its versions when
	 * {@code purge}.
	 */
	@Transactional
	void delete(UUID appId, UUID secretId, boolean purge, String ifMatch) {
		AppScope.require(appId);
		Secret secret = purge
				? this.secrets.findAnyForUpdate(secretId, appId).orElseThrow(this.changes.notFound(appId, secretId))
				: this.secrets.findForUpdate(secretId, appId).orElseThrow(this.changes.notFound(appId, secretId));
		IfMatch.require(ifMatch, secret);
		if (purge) {
			this.secrets.delete(secret);
			this.audit.record(SecretTouched.as(AuditActions.SECRET_PURGE, appId, secretId, secret.key()));
		}
		else {
			secret.delete(this.clock.instant());
			this.audit.record(SecretTouched.as(AuditActions.SECRET_DELETE, appId, secretId, secret.key()));
		}
	}

	/** The same for the app's current secret with the key. */
	@Transactional
	void deleteByKey(UUID appId, String key, boolean purge, String ifMatch) {
		AppScope.require(appId);
		Secret secret = this.changes.lockByKey(appId, key);
		if (secret == null) {
			this.changes.requireApp(appId);
			throw SecretNotFoundException.byKey(appId, key);
		}
		delete(appId, secret.id(), purge, ifMatch);
	}

}
