package dev.appsecrets.secret;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

	@Column(name = "value", nullable = false)
	private byte[] storedValue;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Secret() {
	}

	Secret(UUID appId, String key, Instant now) {
		this.id = UUID.randomUUID();
		this.appId = appId;
		this.key = key;
		// PostgreSQL keeps microseconds: truncate so the answer to a create equals later
		// reads.
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	/**
	 * Renames the secret.
	 * @return whether the key changed
	 */
	boolean changeKey(String newKey, Instant now) {
		if (this.key.equals(newKey)) {
			return false;
		}
		this.key = newKey;
		touch(now);
		return true;
	}

	/**
	 * Replaces the stored value.
	 * @return whether the stored value changed
	 */
	boolean changeStoredValue(byte[] newStoredValue, Instant now) {
		if (Arrays.equals(this.storedValue, newStoredValue)) {
			return false;
		}
		boolean first = this.storedValue == null;
		this.storedValue = newStoredValue;
		if (!first) {
			touch(now);
		}
		return true;
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

	byte[] storedValue() {
		return this.storedValue;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
