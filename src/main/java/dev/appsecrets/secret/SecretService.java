package dev.appsecrets.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.appsecrets.app.AppNotFoundException;
import dev.appsecrets.app.AppService;
import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.web.RequestLimitsProperties;
import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;
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

	private final Clock clock;

	SecretService(SecretRepository secrets, SecretValueCodec values, AppService apps, AuditLog audit,
			RequestLimitsProperties limits, Clock clock) {
		this.audit = audit;
		this.secrets = secrets;
		this.values = values;
		this.apps = apps;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * The app's secrets.
	 * @param withValues whether to decrypt and include the values, or answer names only
	 */
	@Transactional
	SecretListResponse list(UUID appId, boolean withValues) {
		this.apps.requireExists(appId);
		List<SecretResponse> secrets = this.secrets.findByAppIdOrderByKey(appId)
			.stream()
			.map((secret) -> withValues ? toResponse(secret) : SecretResponse.from(secret, null))
			.toList();
		// Written before the answer leaves: no audit record, no values.
		this.audit.record(AuditActions.SECRETS_LIST, appId, null, null, secrets.size());
		return new SecretListResponse(secrets);
	}

	@Transactional
	SecretResponse get(UUID appId, UUID secretId) {
		Secret secret = this.secrets.findByIdAndAppId(secretId, appId).orElseThrow(notFound(appId, secretId));
		SecretResponse response = toResponse(secret);
		this.audit.record(AuditActions.SECRET_READ, appId, secretId, secret.key(), null);
		return response;
	}

	@Transactional
	SecretResponse create(UUID appId, CreateSecretRequest request) {
		this.limits.requireWithinLimit(request.value());
		this.apps.requireExists(appId);
		Instant now = this.clock.instant();
		Secret secret = new Secret(appId, request.key(), now);
		this.values.seal(secret, request.value(), now);
		saveNow(secret);
		this.audit.record(AuditActions.SECRET_CREATE, appId, secret.id(), secret.key(), null);
		return SecretResponse.from(secret, request.value());
	}

	@Transactional
	SecretResponse update(UUID appId, UUID secretId, UpdateSecretRequest request) {
		if (request.value() != null) {
			this.limits.requireWithinLimit(request.value());
		}
		Secret secret = this.secrets.findForUpdate(secretId, appId).orElseThrow(notFound(appId, secretId));
		Instant now = this.clock.instant();
		if (request.key() != null) {
			secret.changeKey(request.key(), now);
		}
		if (request.value() != null) {
			this.values.seal(secret, request.value(), now);
		}
		saveNow(secret);
		this.audit.record(AuditActions.SECRET_UPDATE, appId, secretId, secret.key(), null);
		return toResponse(secret);
	}

	@Transactional
	void delete(UUID appId, UUID secretId) {
		Secret secret = this.secrets.findForUpdate(secretId, appId).orElseThrow(notFound(appId, secretId));
		this.secrets.delete(secret);
		this.audit.record(AuditActions.SECRET_DELETE, appId, secretId, secret.key(), null);
	}

	private SecretResponse toResponse(Secret secret) {
		return SecretResponse.from(secret, this.values.open(secret));
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
