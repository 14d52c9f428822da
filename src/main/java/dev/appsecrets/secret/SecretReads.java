package dev.appsecrets.secret;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of current secrets and of versions. Current secrets are read with one plain
 * JDBC query each, outside any transaction and without a persistence context: Hibernate's
 * per-entity work was the largest share of the read path's CPU (docs/performance.md).
 * Versions are read in a read-only transaction (no dirty checking, nothing to flush). The
 * audit event of a read is written afterwards, through the group commit, so that the wait
 * for it holds no connection.
 */
@Component
class SecretReads {

	private static final String COLUMNS = "id, app_id, key, dek_id, sealed_value, version, revision, created_at, "
			+ "updated_at";

	private static final RowMapper<Secret> STORED = (row, n) -> Secret.stored(row.getObject(1, UUID.class),
			row.getObject(2, UUID.class), row.getString(3), row.getObject(4, UUID.class), row.getBytes(5),
			row.getInt(6), row.getLong(7), row.getTimestamp(8).toInstant(), row.getTimestamp(9).toInstant());

	private final JdbcClient jdbc;

	private final SecretRepository secrets;

	private final SecretVersions versions;

	private final SecretChanges changes;

	SecretReads(JdbcClient jdbc, SecretRepository secrets, SecretVersions versions, SecretChanges changes) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.versions = versions;
		this.changes = changes;
	}

	/**
	 * The app's current secrets, with their values or without; whether the app exists is
	 * asked only when it has none.
	 */
	// One query: no transaction around it, so no persistence context either.
	List<SecretResponse> list(UUID appId, boolean withValues) {
		List<SecretResponse> secrets = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_secrets WHERE app_id = ? AND deleted_at IS NULL ORDER BY key")
			.param(appId)
			.query(STORED)
			.list()
			.stream()
			.map((secret) -> this.changes.response(secret, withValues))
			.toList();
		if (secrets.isEmpty()) {
			this.changes.requireApp(appId);
		}
		return secrets;
	}

	/**
	 * The app's current secrets as stored, ordered by key, for answers that open them all
	 * (export, Spring Cloud Config); whether the app exists is asked only when it has
	 * none.
	 */
	// One query: no transaction around it, so no persistence context either.
	List<Secret> current(UUID appId) {
		List<Secret> secrets = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_secrets WHERE app_id = ? AND deleted_at IS NULL ORDER BY key")
			.param(appId)
			.query(STORED)
			.list();
		if (secrets.isEmpty()) {
			this.changes.requireApp(appId);
		}
		return secrets;
	}

	/**
	 * The id of the app's current secret with the key.
	 * @throws SecretNotFoundException if none has it (or the app's 404 if there is no
	 * app)
	 */
	UUID idOf(UUID appId, String key) {
		return this.jdbc.sql("SELECT id FROM app_secrets WHERE app_id = ? AND key = ? AND deleted_at IS NULL")
			.params(appId, key)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> {
				this.changes.requireApp(appId);
				return SecretNotFoundException.byKey(appId, key);
			});
	}

	// One query: no transaction around it, so no persistence context either.
	Tagged get(UUID appId, UUID secretId) {
		Secret secret = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_secrets WHERE id = ? AND app_id = ? AND deleted_at IS NULL")
			.params(secretId, appId)
			.query(STORED)
			.optional()
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

	/** One version, in a read-only transaction (no dirty checking, nothing to flush). */
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
