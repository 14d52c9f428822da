package dev.appsecrets.secret;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One secret variable of an app. Its value is held only in its stored form;
 * {@link SecretValueCodec} turns it into the caller's text and back.
 */
@Entity
@Table(name = "app_secrets")
class Secret {

	@Id
	private UUID id;

	@Column(name = "app_id", nullable = false, updatable = false)
	private UUID appId;

	@Column(nullable = false, length = 256)
	private String key;

	@Column(name = "sealed_value", nullable = false)
	private byte[] sealedValue;

	/**
	 * The data key that sealed the value; null only for a row written before encryption
	 * at rest.
	 */
	@Column(name = "dek_id")
	private UUID dataKeyId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/**
	 * The number of the current value's version: 1 at creation, one more for each new
	 * value.
	 */
	@Column(nullable = false)
	private int version = 1;

	/** Changes with every change a caller can see: the ETag. */
	@Column(nullable = false)
	private long revision;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	protected Secret() {
	}

	/**
	 * A secret read by plain JDBC, as it is stored: detached, for answering reads only
	 * (no persistence context, nothing to flush).
	 */
	static Secret stored(UUID id, UUID appId, String key, UUID dataKeyId, byte[] sealedValue, int version,
			long revision, Instant createdAt, Instant updatedAt) {
		Secret secret = new Secret(id, appId, key, dataKeyId, sealedValue, createdAt);
		secret.version = version;
		secret.revision = revision;
		secret.updatedAt = updatedAt;
		return secret;
	}

	private Secret(UUID id, UUID appId, String key, UUID dataKeyId, byte[] sealedValue, Instant now) {
		this.id = id;
		this.appId = appId;
		this.key = key;
		this.dataKeyId = dataKeyId;
		this.sealedValue = sealedValue;
		// PostgreSQL keeps microseconds: truncate so the answer to a create equals later
		// reads.
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	/**
	 * A new secret at version 1.
	 * @param id its id, made by the caller, as the first value is sealed bound to it
	 * @param appId its app
	 * @param key its key
	 * @param first its first value, sealed as version 1
	 * @param now when
	 * @return the secret, not saved yet
	 */
	static Secret create(UUID id, UUID appId, String key, SecretValueCodec.SealedVersion first, Instant now) {
		return new Secret(id, appId, key, first.dataKeyId(), first.sealedValue(), now);
	}

	/**
	 * Renames the secret; the same key again changes nothing.
	 */
	void changeKey(String newKey, Instant now) {
		if (!this.key.equals(newKey)) {
			this.key = newKey;
			touch(now);
			this.revision++;
		}
	}

	/** The version number the next value will have. */
	int nextVersion() {
		return this.version + 1;
	}

	/**
	 * A new value, as the next version.
	 * @param next the value sealed for {@link #nextVersion()}
	 * @param now when
	 */
	void changeValue(SecretValueCodec.SealedVersion next, Instant now) {
		reseal(next.dataKeyId(), next.sealedValue());
		touch(now);
		this.version++;
		this.revision++;
	}

	/** Hides the secret: gone from lists, its key free, kept until purged. */
	void delete(Instant now) {
		this.deletedAt = now.truncatedTo(ChronoUnit.MICROS);
		this.revision++;
	}

	/** Brings a deleted secret back. */
	void undelete(Instant now) {
		this.deletedAt = null;
		touch(now);
		this.revision++;
	}

	/**
	 * Stores the same value sealed anew (under another data key): not a change a caller
	 * sees.
	 */
	void reseal(SecretValueCodec.SealedVersion same) {
		reseal(same.dataKeyId(), same.sealedValue());
	}

	private void reseal(UUID newDataKeyId, byte[] newSealedValue) {
		this.dataKeyId = newDataKeyId;
		this.sealedValue = newSealedValue;
	}

	private void touch(Instant now) {
		this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	UUID id() {
		return this.id;
	}

	UUID appId() {
		return this.appId;
	}

	String key() {
		return this.key;
	}

	int version() {
		return this.version;
	}

	long revision() {
		return this.revision;
	}

	Instant deletedAt() {
		return this.deletedAt;
	}

	byte[] sealedValue() {
		return this.sealedValue;
	}

	UUID dataKeyId() {
		return this.dataKeyId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
