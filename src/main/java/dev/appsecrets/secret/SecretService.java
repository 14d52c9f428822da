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

	private final SecretReads reads;

	private final SecretChanges changes;

	private final AuditLog audit;

	private final RequestLimitsProperties limits;

	private final Clock clock;

	SecretService(SecretReads reads, SecretChanges changes, AuditLog audit, RequestLimitsProperties limits,
			Clock clock) {
		this.reads = reads;
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
	SecretListResponse list(UUID appId, boolean valuesWanted) {
		AppScope.require(appId);
		boolean withValues = valuesWanted && AppScope.mayReadValues(appId);
		List<SecretResponse> secrets = this.reads.list(appId, withValues);
		// Committed before the answer leaves: no audit record, no values.
		this.audit.recordRead(new SecretsListed(appId, secrets.size(), withValues));
		return new SecretListResponse(secrets);
	}

	Tagged get(UUID appId, UUID secretId) {
		AppScope.requireValueReader(appId);
		Tagged answer = this.reads.get(appId, secretId);
		this.audit.recordRead(SecretTouched.read(appId, secretId, answer.secret().key()));
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

}
