package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.appsecrets.web.SecretValue;
import dev.appsecrets.crypto.IntegrityException;
import dev.appsecrets.crypto.SealedValue;
import dev.appsecrets.keyring.ActiveDataKey;
import dev.appsecrets.keyring.DataKeyRing;

import org.springframework.stereotype.Component;

/**
 * The one place where a secret's value turns into its stored form and back: AES-256-GCM
 * under a data key, bound to the secret's app, id and version number. It only seals and
 * opens: the entity changes itself, and {@link IntegrityAlerts} reports what fails to
 * open.
 */
@Component
class SecretValueCodec {

	private final DataKeyRing keyRing;

	SecretValueCodec(DataKeyRing keyRing) {
		this.keyRing = keyRing;
	}

	/** A value's stored form and the data key that sealed it. */
	record SealedVersion(UUID dataKeyId, byte[] sealedValue) {
	}

	/**
	 * Seals a value under the active data key (asked for once), bound to the version
	 * number it becomes: the same stored form serves as the current value and as that
	 * version, and an older ciphertext written back fails to open.
	 */
	SealedVersion seal(UUID appId, UUID secretId, int version, SecretValue value) {
		return sealVersion(appId, secretId, version, value.reveal().getBytes(StandardCharsets.UTF_8),
				this.keyRing.active());
	}

	/**
	 * The data key that seals now. A batch asks for it once: each ask is a query, and a
	 * query flushes (dirty-checks) every entity the batch holds, which made a sync of
	 * 10,000 changed values take 45 s instead of 2.
	 */
	ActiveDataKey activeKey() {
		return this.keyRing.active();
	}

	/** The same under a data key already asked for. */
	SealedVersion seal(UUID appId, UUID secretId, int version, SecretValue value, ActiveDataKey active) {
		return sealVersion(appId, secretId, version, value.reveal().getBytes(StandardCharsets.UTF_8), active);
	}

	SealedVersion sealVersion(UUID appId, UUID secretId, int version, byte[] plaintext, ActiveDataKey active) {
		return new SealedVersion(active.id(),
				SealedValue.sealVersion(active.id(), active.key(), appId, secretId, version, plaintext));
	}

	/**
	 * Opens the secret's current value.
	 * @throws SecretUnreadableException if the stored value does not authenticate
	 */
	SecretValue open(Secret secret) {
		return SecretValue.of(new String(openBytes(secret), StandardCharsets.UTF_8));
	}

	/**
	 * The secret's value sealed again under the given key, without changing it.
	 * @throws SecretUnreadableException if the stored value does not authenticate
	 */
	SealedVersion sealAgain(Secret secret, ActiveDataKey active) {
		return sealVersion(secret.appId(), secret.id(), secret.version(), openBytes(secret), active);
	}

	/**
	 * A value stored in an older form sealed, bound to its version: plain UTF-8 (before
	 * encryption at rest, no data key) or sealed without a version. Only for the rows the
	 * migration listed as such; anywhere else these forms are integrity failures.
	 * @param plainTextExpected whether this start encrypts a database from before
	 * encryption at rest, the only place plain text can come from
	 * @throws SecretUnreadableException if a sealed value does not authenticate, or plain
	 * text is not expected
	 */
	SealedVersion upgradeLegacy(Secret secret, ActiveDataKey active, boolean plainTextExpected) {
		byte[] plaintext;
		if (secret.dataKeyId() == null) {
			if (!plainTextExpected) {
				// Plain text exists only in a database from before encryption at rest,
				// whose
				// upgrade (migration V2) runs in this very start.
				throw new SecretUnreadableException(secret.appId(), secret.id(), secret.key(),
						"the value (plain text in a database that was already encrypted)");
			}
			plaintext = secret.sealedValue();
		}
		else {
			try {
				plaintext = SealedValue.open(secret.sealedValue(), this.keyRing.key(secret.dataKeyId()), secret.appId(),
						secret.id());
			}
			catch (IntegrityException ex) {
				throw unreadable(secret, "the value", ex);
			}
		}
		return sealVersion(secret.appId(), secret.id(), secret.version(), plaintext, active);
	}

	/**
	 * Opens a stored version.
	 * @throws SecretUnreadableException if it does not authenticate
	 */
	byte[] openVersion(SecretVersions.Sealed version, String key) {
		try {
			if (!version.dataKeyId().equals(SealedValue.dataKeyId(version.sealedValue()))) {
				throw new IntegrityException("data key does not match the row");
			}
			return SealedValue.openVersion(version.sealedValue(), this.keyRing.key(version.dataKeyId()),
					version.appId(), version.secretId(), version.version());
		}
		catch (IntegrityException ex) {
			throw new SecretUnreadableException(version.appId(), version.secretId(), key,
					"version " + version.version() + " (" + ex.getMessage() + ")");
		}
	}

	private byte[] openBytes(Secret secret) {
		try {
			if (secret.dataKeyId() == null || !secret.dataKeyId().equals(SealedValue.dataKeyId(secret.sealedValue()))) {
				throw new IntegrityException("data key does not match the row");
			}
			// Bound to the current version: an older ciphertext of this very secret,
			// written back into the row, does not open.
			return SealedValue.openVersion(secret.sealedValue(), this.keyRing.key(secret.dataKeyId()), secret.appId(),
					secret.id(), secret.version());
		}
		catch (IntegrityException ex) {
			throw unreadable(secret, "the value", ex);
		}
	}

	private static SecretUnreadableException unreadable(Secret secret, String what, IntegrityException ex) {
		return new SecretUnreadableException(secret.appId(), secret.id(), secret.key(),
				what + " (" + ex.getMessage() + ")");
	}

}
