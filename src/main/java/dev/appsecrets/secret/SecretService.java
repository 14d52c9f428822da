package dev.appsecrets.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.audit.AuditedEvent.SecretTouched;
import dev.appsecrets.audit.AuditedEvent.SecretsListed;
import dev.appsecrets.caller.AppScope;
import dev.appsecrets.web.RequestLimitsProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes an app's current secrets. Values pass through
 * {@link SecretValueCodec} on their way to and from the database, and nowhere else; a
 * secret's history is {@link SecretHistory}'s, deleted secrets are
 * {@link DeletedSecrets}'.
 */
@Service
class SecretService {

	private final SecretRepository secrets;

	private final SecretChanges changes;

	private final AuditLog audit;

	private final RequestLimitsProperties limits;

	private final Clock clock;

	SecretService(SecretRepository secrets, SecretChanges changes, AuditLog audit, RequestLimitsProperties limits,
			Clock clock) {
		this.secrets = secrets;
		this.changes = changes;
		this.audit = audit;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * The app's secrets.
	 * @param valuesWanted whether the caller asked for values; they are decrypted and
	 * included only if it may also read them
	 */
	@Transactional
	SecretListResponse list(UUID appId, boolean valuesWanted) {
		AppScope.require(appId);
		boolean withValues = valuesWanted && AppScope.mayReadValues(appId);
		this.changes.requireApp(appId);
		List<SecretResponse> secrets = this.secrets.findByAppIdAndDeletedAtIsNullOrderByKey(appId)
			.stream()
			.map((secret) -> this.changes.response(secret, withValues))
			.toList();
		// Written before the answer leaves: no audit record, no values.
		this.audit.record(new SecretsListed(appId, secrets.size(), withValues));
		return new SecretListResponse(secrets);
	}

	@Transactional
	Tagged get(UUID appId, UUID secretId) {
		AppScope.requireValueReader(appId);
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(this.changes.notFound(appId, secretId));
		Tagged answer = this.changes.tagged(secret);
		this.audit.record(SecretTouched.read(appId, secretId, secret.key()));
		return answer;
	}

	@Transactional
	Tagged create(UUID appId, CreateSecretRequest request) {
		AppScope.require(appId);
		this.limits.requireWithinLimit(request.value());
		this.changes.requireApp(appId);
		Secret secret = this.changes.create(appId, request.key(), request.value(), this.clock.instant());
		this.audit.record(SecretTouched.as(AuditActions.SECRET_CREATE, appId, secret.id(), secret.key()));
		return new Tagged(SecretResponse.from(secret, AppScope.mayReadValues(appId) ? request.value() : null),
				IfMatch.etag(secret.version(), secret.revision()));
	}

	@Transactional
	Tagged update(UUID appId, UUID secretId, UpdateSecretRequest request, String ifMatch) {
		AppScope.require(appId);
		if (request.value() != null) {
			this.limits.requireWithinLimit(request.value());
		}
		Secret secret = this.changes.lock(appId, secretId, ifMatch);
		Instant now = this.clock.instant();
		if (request.key() != null) {
			secret.changeKey(request.key(), now);
		}
		if (request.value() != null) {
			this.changes.changeValue(secret, request.value(), now);
		}
		this.changes.saveNow(secret);
		this.audit.record(SecretTouched.as(AuditActions.SECRET_UPDATE, appId, secretId, secret.key()));
		return this.changes.tagged(secret);
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
		IfMatch.require(ifMatch, secret.version(), secret.revision());
		if (purge) {
			this.secrets.delete(secret);
			this.audit.record(SecretTouched.as(AuditActions.SECRET_PURGE, appId, secretId, secret.key()));
		}
		else {
			secret.delete(this.clock.instant());
			this.audit.record(SecretTouched.as(AuditActions.SECRET_DELETE, appId, secretId, secret.key()));
		}
	}

}
