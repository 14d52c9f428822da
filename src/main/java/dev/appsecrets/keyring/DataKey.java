package dev.appsecrets.keyring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A data-encryption key, stored only wrapped by the master key. One is active: new values
 * are encrypted with it.
 */
@Entity
@Table(name = "data_keys")
class DataKey {

	@Id
	private UUID id;

	@Column(name = "wrapped_key", nullable = false)
	private byte[] wrappedKey;

	@Column(name = "master_key_fingerprint", nullable = false)
	private String masterKeyFingerprint;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected DataKey() {
	}

	DataKey(UUID id, byte[] wrappedKey, String masterKeyFingerprint, Instant now) {
		this.id = id;
		this.wrappedKey = wrappedKey;
		this.masterKeyFingerprint = masterKeyFingerprint;
		this.active = true;
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	void rewrap(byte[] newWrappedKey, String newMasterKeyFingerprint) {
		this.wrappedKey = newWrappedKey;
		this.masterKeyFingerprint = newMasterKeyFingerprint;
	}

	void retire() {
		this.active = false;
	}

	UUID id() {
		return this.id;
	}

	byte[] wrappedKey() {
		return this.wrappedKey;
	}

	String masterKeyFingerprint() {
		return this.masterKeyFingerprint;
	}

	boolean active() {
		return this.active;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
