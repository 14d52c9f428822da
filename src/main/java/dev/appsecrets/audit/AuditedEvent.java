package dev.appsecrets.audit;

import java.util.UUID;

/**
 * Something that happened and is audited, named for what happened; {@link AuditLog}
 * writes it with the caller, request id, address and reason of the current request. Each
 * kind carries only what belongs to it.
 */
public sealed interface AuditedEvent {

	/** The action name stored with the event, one of {@link AuditActions}. */
	String action();

	/** The app, if the event concerns one. */
	default UUID appId() {
		return null;
	}

	/** The secret, if the event concerns one. */
	default UUID secretId() {
		return null;
	}

	/** The secret's key, if the event concerns one. */
	default String secretKey() {
		return null;
	}

	/** How many secrets a list answered, if it was a list. */
	default Integer secretCount() {
		return null;
	}

	/** The token, if the event concerns one. */
	default UUID tokenId() {
		return null;
	}

	/** An app was created, renamed or deleted. */
	record AppChanged(String action, UUID appId) implements AuditedEvent {

		public static AppChanged created(UUID appId) {
			return new AppChanged(AuditActions.APP_CREATE, appId);
		}

		public static AppChanged renamed(UUID appId) {
			return new AppChanged(AuditActions.APP_RENAME, appId);
		}

		public static AppChanged deleted(UUID appId) {
			return new AppChanged(AuditActions.APP_DELETE, appId);
		}

	}

	/**
	 * An app's secrets were listed: with their values ({@code secrets.read}) or names
	 * only ({@code secrets.list}, also for the deleted ones).
	 */
	record SecretsListed(UUID appId, Integer secretCount, boolean valuesDisclosed) implements AuditedEvent {

		@Override
		public String action() {
			return this.valuesDisclosed ? AuditActions.SECRETS_READ : AuditActions.SECRETS_LIST;
		}

	}

	/**
	 * A bulk import of an app's secrets, counting the secrets it created, changed or
	 * deleted; each of those has an event of its own too.
	 */
	record SecretsImported(UUID appId, Integer secretCount) implements AuditedEvent {

		@Override
		public String action() {
			return AuditActions.SECRETS_IMPORT;
		}

	}

	/**
	 * A secret was read, created, changed, deleted, brought back or had its versions
	 * listed.
	 */
	record SecretTouched(String action, UUID appId, UUID secretId, String secretKey,
			Integer secretCount) implements AuditedEvent {

		public static SecretTouched read(UUID appId, UUID secretId, String key) {
			return new SecretTouched(AuditActions.SECRET_READ, appId, secretId, key, null);
		}

		public static SecretTouched as(String action, UUID appId, UUID secretId, String key) {
			return new SecretTouched(action, appId, secretId, key, null);
		}

		public static SecretTouched versionsListed(UUID appId, UUID secretId, String key, int count) {
			return new SecretTouched(AuditActions.SECRET_VERSIONS, appId, secretId, key, count);
		}

	}

	/** A token was created or revoked. */
	record TokenChanged(String action, UUID tokenId) implements AuditedEvent {

		public static TokenChanged created(UUID tokenId) {
			return new TokenChanged(AuditActions.TOKEN_CREATE, tokenId);
		}

		public static TokenChanged revoked(UUID tokenId) {
			return new TokenChanged(AuditActions.TOKEN_REVOKE, tokenId);
		}

	}

	/** A data key or the master key was rotated. */
	record KeyRotated(String action) implements AuditedEvent {

		public static KeyRotated dataKey() {
			return new KeyRotated(AuditActions.DATA_KEY_ROTATE);
		}

		public static KeyRotated masterKey() {
			return new KeyRotated(AuditActions.MASTER_KEY_ROTATE);
		}

	}

}
