package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.appsecrets.app.AppNotFoundException;
import dev.appsecrets.app.AppService;
import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.caller.AppScope;
import dev.appsecrets.web.IfMatch;
import dev.appsecrets.web.RequestLimitsProperties;
import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes an app's secrets. Values pass through {@link SecretValueCodec} on
 * their way to and from the database, and nowhere else.
 */
@Service
class SecretService {

	private static final String UNIQUE_KEY_CONSTRAINT = "app_secrets_app_id_key_unique";

	private static final String APP_FOREIGN_KEY_CONSTRAINT = "app_secrets_app_id_fkey";

	private final SecretRepository secrets;

	private final SecretValueCodec values;

	private final AppService apps;

	private final AuditLog audit;

	private final RequestLimitsProperties limits;

	private final SecretVersions versions;

	private final SecretLifecycleProperties lifecycle;

	private final Clock clock;

	SecretService(SecretRepository secrets, SecretValueCodec values, AppService apps, AuditLog audit,
			RequestLimitsProperties limits, SecretVersions versions, SecretLifecycleProperties lifecycle, Clock clock) {
		this.versions = versions;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.secrets = secrets;
		this.values = values;
		this.apps = apps;
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
		this.apps.requireExists(appId);
		List<SecretResponse> secrets = this.secrets.findByAppIdAndDeletedAtIsNullOrderByKey(appId)
			.stream()
			.map((secret) -> SecretResponse.from(secret, withValues ? this.values.open(secret) : null))
			.toList();
		// Written before the answer leaves: no audit record, no values.
		this.audit.record(withValues ? AuditActions.SECRETS_READ : AuditActions.SECRETS_LIST, appId, null, null,
				secrets.size());
		return new SecretListResponse(secrets);
	}

	@Transactional
	Tagged get(UUID appId, UUID secretId) {
		AppScope.requireValueReader(appId);
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(notFound(appId, secretId));
		Tagged answer = tagged(secret);
		this.audit.record(AuditActions.SECRET_READ, appId, secretId, secret.key(), null);
		return answer;
	}

	@Transactional
	Tagged create(UUID appId, CreateSecretRequest request) {
		AppScope.require(appId);
		this.limits.requireWithinLimit(request.value());
		this.apps.requireExists(appId);
		Instant now = this.clock.instant();
		Secret secret = new Secret(appId, request.key(), now);
		SecretValueCodec.SealedVersion version = this.values.seal(secret, request.value(), now);
		saveNow(secret);
		addVersion(secret, version, now);
		this.audit.record(AuditActions.SECRET_CREATE, appId, secret.id(), secret.key(), null);
		return new Tagged(SecretResponse.from(secret, AppScope.mayReadValues(appId) ? request.value() : null),
				IfMatch.etag(secret.version(), secret.revision()));
	}

	@Transactional
	Tagged update(UUID appId, UUID secretId, UpdateSecretRequest request, String ifMatch) {
		AppScope.require(appId);
		if (request.value() != null) {
			this.limits.requireWithinLimit(request.value());
		}
		Secret secret = lock(appId, secretId, ifMatch);
		Instant now = this.clock.instant();
		if (request.key() != null) {
			secret.changeKey(request.key(), now);
		}
		if (request.value() != null) {
			changeValue(secret, request.value(), now);
		}
		saveNow(secret);
		this.audit.record(AuditActions.SECRET_UPDATE, appId, secretId, secret.key(), null);
		return tagged(secret);
	}

	/**
	 * Hides the secret (recoverable), or destroys it with its versions when
	 * {@code purge}.
	 */
	@Transactional
	void delete(UUID appId, UUID secretId, boolean purge, String ifMatch) {
		AppScope.require(appId);
		Secret secret = purge ? this.secrets.findAnyForUpdate(secretId, appId).orElseThrow(notFound(appId, secretId))
				: this.secrets.findForUpdate(secretId, appId).orElseThrow(notFound(appId, secretId));
		IfMatch.require(ifMatch, secret.version(), secret.revision());
		if (purge) {
			this.secrets.delete(secret);
			this.audit.record(AuditActions.SECRET_PURGE, appId, secretId, secret.key(), null);
		}
		else {
			secret.delete(this.clock.instant());
			this.audit.record(AuditActions.SECRET_DELETE, appId, secretId, secret.key(), null);
		}
	}

	@Transactional
	DeletedSecretResponse.Deleted listDeleted(UUID appId) {
		AppScope.require(appId);
		this.apps.requireExists(appId);
		List<DeletedSecretResponse> deleted = this.secrets.findByAppIdAndDeletedAtIsNotNullOrderByKey(appId)
			.stream()
			.map((secret) -> new DeletedSecretResponse(secret.id(), secret.appId(), secret.key(), secret.version(),
					secret.createdAt(), secret.updatedAt(), secret.deletedAt(),
					secret.deletedAt().plus(this.lifecycle.deletedRetention())))
			.toList();
		this.audit.record(AuditActions.SECRETS_LIST, appId, null, null, deleted.size());
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
			.orElseThrow(notFound(appId, secretId));
		secret.undelete(this.clock.instant());
		saveNow(secret);
		this.audit.record(AuditActions.SECRET_UNDELETE, appId, secretId, secret.key(), null);
		return tagged(secret);
	}

	@Transactional
	SecretVersionResponse.Versions versions(UUID appId, UUID secretId) {
		AppScope.require(appId);
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(notFound(appId, secretId));
		List<SecretVersionResponse> versions = this.versions.list(secretId)
			.stream()
			.map((version) -> new SecretVersionResponse(secretId, appId, secret.key(), version.version(),
					version.createdAt(), version.createdBy(), null))
			.toList();
		this.audit.record(AuditActions.SECRET_VERSIONS, appId, secretId, secret.key(), versions.size());
		return new SecretVersionResponse.Versions(versions);
	}

	@Transactional
	SecretVersionResponse version(UUID appId, UUID secretId, int number) {
		AppScope.requireValueReader(appId);
		Secret secret = this.secrets.findByIdAndAppIdAndDeletedAtIsNull(secretId, appId)
			.orElseThrow(notFound(appId, secretId));
		SecretVersions.Sealed version = this.versions.find(secretId, number)
			.orElseThrow(() -> new SecretVersionNotFoundException(secretId, number));
		String value = new String(this.values.openVersion(version, secret.key()), StandardCharsets.UTF_8);
		this.audit.record(AuditActions.SECRET_READ, appId, secretId, secret.key(), null);
		return new SecretVersionResponse(secretId, appId, secret.key(), number, version.createdAt(),
				version.createdBy(), value);
	}

	/** Makes version {@code number}'s value the current one, as a new version. */
	@Transactional
	Tagged restore(UUID appId, UUID secretId, int number, String ifMatch) {
		AppScope.require(appId);
		Secret secret = lock(appId, secretId, ifMatch);
		SecretVersions.Sealed version = this.versions.find(secretId, number)
			.orElseThrow(() -> new SecretVersionNotFoundException(secretId, number));
		changeValue(secret, new String(this.values.openVersion(version, secret.key()), StandardCharsets.UTF_8),
				this.clock.instant());
		saveNow(secret);
		this.audit.record(AuditActions.SECRET_RESTORE, appId, secretId, secret.key(), null);
		return tagged(secret);
	}

	/** Stores a new random value as a new version and answers it. */
	@Transactional
	Tagged rotate(UUID appId, UUID secretId, RotateSecretRequest request, String ifMatch) {
		AppScope.require(appId);
		Secret secret = lock(appId, secretId, ifMatch);
		String value = ValueGenerator.generate(request.lengthOrDefault(), request.alphabetOrDefault());
		changeValue(secret, value, this.clock.instant());
		saveNow(secret);
		this.audit.record(AuditActions.SECRET_ROTATE, appId, secretId, secret.key(), null);
		return new Tagged(SecretResponse.from(secret, AppScope.mayReadValues(appId) ? value : null),
				IfMatch.etag(secret.version(), secret.revision()));
	}

	/** Destroys deleted secrets whose recovery window has passed; hourly. */
	@Scheduled(cron = "${secrets.deleted-purge-cron:0 7 * * * *}")
	@Transactional
	public int purgeExpired() {
		return this.secrets.purgeDeletedBefore(this.clock.instant().minus(this.lifecycle.deletedRetention()));
	}

	private Secret lock(UUID appId, UUID secretId, String ifMatch) {
		Secret secret = this.secrets.findForUpdate(secretId, appId).orElseThrow(notFound(appId, secretId));
		IfMatch.require(ifMatch, secret.version(), secret.revision());
		return secret;
	}

	/**
	 * A new value: sealed as the current one and kept as the next version; versions
	 * beyond the newest {@code secrets.versions-kept} are deleted for good.
	 */
	private void changeValue(Secret secret, String value, Instant now) {
		addVersion(secret, this.values.seal(secret, value, now), now);
		this.versions.trim(secret.id(), secret.version(), this.lifecycle.versionsKept());
	}

	private void addVersion(Secret secret, SecretValueCodec.SealedVersion sealed, Instant now) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		this.versions.add(secret.id(), secret.version(), sealed.sealedValue(), sealed.dataKeyId(),
				now.truncatedTo(ChronoUnit.MICROS), (caller != null) ? caller.getName() : "system");
	}

	private Tagged tagged(Secret secret) {
		return new Tagged(toResponse(secret), IfMatch.etag(secret.version(), secret.revision()));
	}

	/**
	 * The secret as the caller may see it: with its value only for a caller holding
	 * {@code secrets:read} on the app, whichever endpoint it called (a rename by a writer
	 * answers without the value, and nothing is decrypted for it).
	 */
	private SecretResponse toResponse(Secret secret) {
		return SecretResponse.from(secret, AppScope.mayReadValues(secret.appId()) ? this.values.open(secret) : null);
	}

	/**
	 * Writes now, so that the database's constraints decide here and their violations
	 * become the contract's answers: a taken key is a 409, an app deleted meanwhile a
	 * 404.
	 */
	private void saveNow(Secret secret) {
		try {
			this.secrets.saveAndFlush(secret);
		}
		catch (DataIntegrityViolationException ex) {
			String constraint = violatedConstraint(ex);
			if (UNIQUE_KEY_CONSTRAINT.equals(constraint)) {
				throw new SecretKeyTakenException(secret.key());
			}
			if (APP_FOREIGN_KEY_CONSTRAINT.equals(constraint)) {
				throw new AppNotFoundException(secret.appId());
			}
			throw ex;
		}
	}

	private static String violatedConstraint(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation) {
				return violation.getConstraintName();
			}
		}
		return null;
	}

	/**
	 * Not found names what is missing: the app itself, or the secret in an existing app.
	 */
	private Supplier<RuntimeException> notFound(UUID appId, UUID secretId) {
		return () -> {
			this.apps.requireExists(appId);
			return new SecretNotFoundException(appId, secretId);
		};
	}

}
