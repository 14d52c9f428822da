package dev.appsecrets.secret;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appsecrets.keyring.ActiveDataKey;
import dev.appsecrets.web.SecretValue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The writes of a bulk import, a few round trips for thousands of secrets: new secrets
 * and their first versions inserted in JDBC batches, new values sealed onto the locked
 * entities (flushed in Hibernate's batches at commit) with their versions in one batch.
 * The same rules as one secret at a time ({@link SecretChanges}): every value sealed
 * bound to its secret and version, every version kept, the oldest beyond the limit
 * deleted.
 */
@Component
class SecretBatch {

	private final JdbcTemplate jdbc;

	private final SecretRepository secrets;

	private final SecretValueCodec values;

	private final SecretVersions versions;

	SecretBatch(JdbcTemplate jdbc, SecretRepository secrets, SecretValueCodec values, SecretVersions versions) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.values = values;
		this.versions = versions;
	}

	/** A secret to change, locked, and its new value. */
	record Change(Secret secret, SecretValue value) {
	}

	/**
	 * Locks the app for an import, so that imports of one app run one at a time (two
	 * would both create a key the other lacks), and its current secrets.
	 * @return the current secrets by key
	 */
	Map<String, Secret> lockApp(UUID appId) {
		this.jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", 0x5EC7, appId.hashCode());
		Map<String, Secret> current = new LinkedHashMap<>();
		this.secrets.lockAllCurrent(appId).forEach((secret) -> current.put(secret.key(), secret));
		return current;
	}

	/** Writes the changes made to the locked secrets now, in Hibernate's batches. */
	void flush() {
		this.secrets.flush();
	}

	/**
	 * Creates the secrets, each at version 1.
	 * @return them, in the order given
	 */
	List<Secret> createAll(UUID appId, List<ImportEntry> entries, Instant now) {
		List<Secret> created = new ArrayList<>(entries.size());
		List<SecretVersions.New> firsts = new ArrayList<>(entries.size());
		ActiveDataKey active = this.values.activeKey();
		for (ImportEntry entry : entries) {
			UUID id = UUID.randomUUID();
			SecretValueCodec.SealedVersion first = this.values.seal(appId, id, 1, entry.value(), active);
			created.add(Secret.create(id, appId, entry.key(), first, now));
			firsts.add(new SecretVersions.New(id, 1, first));
		}
		this.jdbc.batchUpdate(
				"INSERT INTO app_secrets (id, app_id, key, sealed_value, dek_id, version, revision, "
						+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				created.stream()
					.map((secret) -> new Object[] { secret.id(), secret.appId(), secret.key(), secret.sealedValue(),
							secret.dataKeyId(), secret.version(), secret.revision(), Timestamp.from(secret.createdAt()),
							Timestamp.from(secret.updatedAt()) })
					.toList());
		this.versions.addAllAndKeepNewest(firsts, now.truncatedTo(ChronoUnit.MICROS), SecretVersions.createdBy());
		return created;
	}

	/** Gives each locked secret its new value as the next version. */
	void changeAll(List<Change> changes, Instant now) {
		List<SecretVersions.New> added = new ArrayList<>(changes.size());
		ActiveDataKey active = this.values.activeKey();
		for (Change change : changes) {
			Secret secret = change.secret();
			SecretValueCodec.SealedVersion next = this.values.seal(secret.appId(), secret.id(), secret.nextVersion(),
					change.value(), active);
			secret.changeValue(next, now);
			added.add(new SecretVersions.New(secret.id(), secret.version(), next));
		}
		this.versions.addAllAndKeepNewest(added, now.truncatedTo(ChronoUnit.MICROS), SecretVersions.createdBy());
	}

}
