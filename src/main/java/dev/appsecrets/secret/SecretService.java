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
import dev.appsecrets.web.InvalidRequestException;
import dev.appsecrets.web.RequestLimitsProperties;
import dev.appsecrets.web.SecretValue;

import org.springframework.http.HttpHeaders;

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

	/** The app's current secret with the key, for a caller that may read its value. */
	Tagged getByKey(UUID appId, String key) {
		AppScope.requireValueReader(appId);
		return get(appId, this.reads.idOf(appId, key));
	}

	@Transactional
	Tagged create(UUID appId, CreateSecretRequest request) {
		AppScope.require(appId);
		this.limits.requireWithinLimit(request.value());
		this.changes.requireApp(appId);
		Secret secret = this.changes.create(appId, request.key(), request.value(), this.clock.instant());
		this.audit.record(SecretTouched.as(AuditActions.SECRET_CREATE, appId, secret.id(), secret.key()));
		return new Tagged(SecretResponse.from(secret, AppScope.mayReadValues(appId) ? request.value() : null),
				IfMatch.etag(secret));
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
	 * Sets the value of the secret with the key: a new version if it exists, else a new
	 * secret.
	 * @param ifMatch the secret's ETag as last read, or null; if given, the secret must
	 * exist and still have it
	 * @param ifNoneMatch {@code *} to create only, or null
	 */
	@Transactional
	Put put(UUID appId, String key, SecretValue value, String ifMatch, String ifNoneMatch) {
		AppScope.require(appId);
		this.limits.requireWithinLimit(value);
		if (ifNoneMatch != null && !"*".equals(ifNoneMatch.strip())) {
			throw InvalidRequestException.header(HttpHeaders.IF_NONE_MATCH, "must be * (create only) or absent");
		}
		Instant now = this.clock.instant();
		Secret secret = this.changes.lockByKey(appId, key);
		if (secret == null) {
			IfMatch.requireAbsentAllowed(ifMatch);
			this.changes.requireApp(appId);
			Secret created = this.changes.create(appId, key, value, now);
			this.audit.record(SecretTouched.as(AuditActions.SECRET_CREATE, appId, created.id(), key));
			return new Put(true, this.changes.tagged(created));
		}
		IfMatch.requireNoneMatch(ifNoneMatch);
		IfMatch.require(ifMatch, secret);
		this.changes.changeValue(secret, value, now);
		this.changes.saveNow(secret);
		this.audit.record(SecretTouched.as(AuditActions.SECRET_UPDATE, appId, secret.id(), key));
		return new Put(false, this.changes.tagged(secret));
	}

	/** The answer to a put by key: whether it created the secret, and the secret. */
	record Put(boolean created, Tagged tagged) {
	}

}
