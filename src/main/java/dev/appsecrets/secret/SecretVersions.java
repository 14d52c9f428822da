package dev.appsecrets.secret;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/**
 * The stored versions of secrets' values, sealed and bound to their secret and version
 * number.
 */
@Repository
class SecretVersions {

	/** One stored version, sealed. */
	record Sealed(UUID secretId, UUID appId, int version, byte[] sealedValue, UUID dataKeyId, Instant createdAt,
			String createdBy) {
	}

	private static final String SELECT = "SELECT v.secret_id, s.app_id, v.version, v.sealed_value, v.dek_id, "
			+ "v.created_at, v.created_by FROM secret_versions v JOIN app_secrets s ON s.id = v.secret_id ";

	private final JdbcTemplate jdbc;

	private final SecretLifecycleProperties lifecycle;

	SecretVersions(JdbcTemplate jdbc, SecretLifecycleProperties lifecycle) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
	}

	/**
	 * Keeps a new version and deletes, for good, those beyond the newest
	 * {@code secrets.versions-kept}.
	 */
	void addAndKeepNewest(UUID secretId, int version, byte[] sealedValue, UUID dataKeyId, Instant createdAt,
			String createdBy) {
		add(secretId, version, sealedValue, dataKeyId, createdAt, createdBy);
		trim(secretId, version, this.lifecycle.versionsKept());
	}

	void add(UUID secretId, int version, byte[] sealedValue, UUID dataKeyId, Instant createdAt, String createdBy) {
		this.jdbc.update(
				"INSERT INTO secret_versions (secret_id, version, sealed_value, dek_id, created_at, created_by) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				secretId, version, sealedValue, dataKeyId, Timestamp.from(createdAt), createdBy);
	}

	/**
	 * Who a new version is recorded as made by: the caller, or {@code system} for a job.
	 */
	static String createdBy() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return (caller != null) ? caller.getName() : "system";
	}

	/** A new version of one secret, for {@link #addAllAndKeepNewest}. */
	record New(UUID secretId, int version, SecretValueCodec.SealedVersion sealed) {
	}

	/**
	 * Keeps many new versions in one round trip, and deletes, for good, those beyond the
	 * newest {@code secrets.versions-kept} of each secret.
	 */
	void addAllAndKeepNewest(List<New> added, Instant createdAt, String createdBy) {
		Timestamp at = Timestamp.from(createdAt);
		this.jdbc.batchUpdate(
				"INSERT INTO secret_versions (secret_id, version, sealed_value, dek_id, created_at, created_by) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				added.stream()
					.map((version) -> new Object[] { version.secretId(), version.version(),
							version.sealed().sealedValue(), version.sealed().dataKeyId(), at, createdBy })
					.toList());
		int kept = this.lifecycle.versionsKept();
		List<Object[]> trimmed = added.stream()
			.filter((version) -> version.version() > kept)
			.map((version) -> new Object[] { version.secretId(), version.version() - kept })
			.toList();
		if (!trimmed.isEmpty()) {
			this.jdbc.batchUpdate("DELETE FROM secret_versions WHERE secret_id = ? AND version <= ?", trimmed);
		}
	}

	/** Newest first. */
	List<Sealed> list(UUID secretId) {
		return this.jdbc.query(SELECT + "WHERE v.secret_id = ? ORDER BY v.version DESC", this::row, secretId);
	}

	Optional<Sealed> find(UUID secretId, int version) {
		return this.jdbc.query(SELECT + "WHERE v.secret_id = ? AND v.version = ?", this::row, secretId, version)
			.stream()
			.findFirst();
	}

	/** Deletes the versions older than the newest {@code kept}, for good. */
	void trim(UUID secretId, int currentVersion, int kept) {
		this.jdbc.update("DELETE FROM secret_versions WHERE secret_id = ? AND version <= ?", secretId,
				currentVersion - kept);
	}

	/**
	 * Versions not under the data key, locked for re-encryption (see SecretRepository).
	 */
	List<Sealed> lockBatchNotUnder(UUID dataKeyId, int limit) {
		return this.jdbc.query(SELECT + "WHERE v.dek_id <> ? LIMIT ? FOR UPDATE OF v SKIP LOCKED", this::row, dataKeyId,
				limit);
	}

	void reseal(UUID secretId, int version, byte[] sealedValue, UUID dataKeyId) {
		this.jdbc.update("UPDATE secret_versions SET sealed_value = ?, dek_id = ? WHERE secret_id = ? AND version = ?",
				sealedValue, dataKeyId, secretId, version);
	}

	Map<UUID, Long> countPerDataKey() {
		Map<UUID, Long> counts = new HashMap<>();
		this.jdbc.query("SELECT dek_id, count(*) FROM secret_versions GROUP BY dek_id",
				(org.springframework.jdbc.core.RowCallbackHandler) (row) -> counts.put(row.getObject(1, UUID.class),
						row.getLong(2)));
		return counts;
	}

	private Sealed row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new Sealed(row.getObject("secret_id", UUID.class), row.getObject("app_id", UUID.class),
				row.getInt("version"), row.getBytes("sealed_value"), row.getObject("dek_id", UUID.class),
				row.getTimestamp("created_at").toInstant(), row.getString("created_by"));
	}

}
