package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

import dev.appsecrets.web.SecretValue;
import dev.appsecrets.app.AppNotFoundException;
import dev.appsecrets.app.AppService;
import dev.appsecrets.caller.AppScope;
import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * What the secret services share when they change a secret: loading it under its row
 * lock, sealing a new value as a version, saving through the database's constraints, and
 * answering it as the caller may see it. Runs in the calling service's transaction.
 */
@Component
class SecretChanges {

	private static final String UNIQUE_KEY_CONSTRAINT = "app_secrets_app_id_key_unique";

	private static final String APP_FOREIGN_KEY_CONSTRAINT = "app_secrets_app_id_fkey";

	private final SecretRepository secrets;

	private final SecretValueCodec values;

	private final SecretVersions versions;

	private final AppService apps;

	private final IntegrityAlerts alerts;

	SecretChanges(SecretRepository secrets, SecretValueCodec values, SecretVersions versions, AppService apps,
			IntegrityAlerts alerts) {
		this.secrets = secrets;
		this.values = values;
		this.versions = versions;
		this.apps = apps;
		this.alerts = alerts;
	}

	/** Loads a secret to change it, holding its row lock, if the If-Match still holds. */
	Secret lock(UUID appId, UUID secretId, String ifMatch) {
		Secret secret = this.secrets.findForUpdate(secretId, appId).orElseThrow(notFound(appId, secretId));
		IfMatch.require(ifMatch, secret);
		return secret;
	}

	/**
	 * Loads the app's current secret with the key to change it, or null if none has it.
	 */
	Secret lockByKey(UUID appId, String key) {
		return this.secrets.findCurrentByKeyForUpdate(appId, key).orElse(null);
	}

	/**
	 * A new value: sealed as the current one and kept as the next version; versions
	 * beyond the newest {@code secrets.versions-kept} are deleted for good.
	 */
	void changeValue(Secret secret, SecretValue value, Instant now) {
		SecretValueCodec.SealedVersion next = this.values.seal(secret.appId(), secret.id(), secret.nextVersion(),
				value);
		secret.changeValue(next, now);
		addVersion(secret, next, now);
	}

	/**
	 * Creates a secret with its first value, saved, and keeps that value as version 1.
	 */
	Secret create(UUID appId, String key, SecretValue value, Instant now) {
		UUID id = UUID.randomUUID();
		SecretValueCodec.SealedVersion first = this.values.seal(appId, id, 1, value);
		Secret secret = Secret.create(id, appId, key, first, now);
		saveNow(secret);
		addVersion(secret, first, now);
		return secret;
	}

	/**
	 * Opens one stored version of the secret.
	 * @throws SecretUnreadableException if it does not authenticate (reported)
	 */
	SecretValue openVersion(Secret secret, SecretVersions.Sealed version) {
		try {
			return SecretValue.of(new String(this.values.openVersion(version, secret.key()), StandardCharsets.UTF_8));
		}
		catch (SecretUnreadableException ex) {
			throw this.alerts.report(ex);
		}
	}

	private void addVersion(Secret secret, SecretValueCodec.SealedVersion sealed, Instant now) {
		this.versions.addAndKeepNewest(secret.id(), secret.version(), sealed.sealedValue(), sealed.dataKeyId(),
				now.truncatedTo(ChronoUnit.MICROS), SecretVersions.createdBy());
	}

	/** The secret as the caller may see it, with its ETag. */
	Tagged tagged(Secret secret) {
		return new Tagged(response(secret, AppScope.mayReadValues(secret.appId())), IfMatch.etag(secret));
	}

	/**
	 * The secret with its value or without. Callers decide with
	 * {@link AppScope#mayReadValues}, once per answer: a value goes only to a caller
	 * holding {@code secrets:read} on the app, whichever endpoint it called (a rename by
	 * a writer answers without it, and nothing is decrypted for it).
	 */
	SecretResponse response(Secret secret, boolean withValue) {
		return SecretResponse.from(secret, withValue ? open(secret) : null);
	}

	/**
	 * Opens the secret's current value.
	 * @throws SecretUnreadableException if it does not authenticate (reported)
	 */
	SecretValue open(Secret secret) {
		try {
			return this.values.open(secret);
		}
		catch (SecretUnreadableException ex) {
			throw this.alerts.report(ex);
		}
	}

	/**
	 * Writes now, so that the database's constraints decide here and their violations
	 * become the contract's answers: a taken key is a 409, an app deleted meanwhile a
	 * 404.
	 */
	void saveNow(Secret secret) {
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

	/** Fails with a 404 unless the app exists. */
	void requireApp(UUID appId) {
		this.apps.requireExists(appId);
	}

	/**
	 * Not found names what is missing: the app itself, or the secret in an existing app.
	 */
	Supplier<RuntimeException> notFound(UUID appId, UUID secretId) {
		return () -> {
			this.apps.requireExists(appId);
			return new SecretNotFoundException(appId, secretId);
		};
	}

	private static String violatedConstraint(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation) {
				return violation.getConstraintName();
			}
		}
		return null;
	}

}
