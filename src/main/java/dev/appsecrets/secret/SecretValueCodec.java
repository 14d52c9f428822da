package dev.appsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.crypto.IntegrityException;
import dev.appsecrets.crypto.SealedValue;
import dev.appsecrets.keyring.ActiveDataKey;
import dev.appsecrets.keyring.DataKeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The one place where a secret's value turns into its stored form and back: AES-256-GCM
 * under the active data key, bound to the secret's app and id.
 */
@Component
class SecretValueCodec {

	private static final Log log = LogFactory.getLog(SecretValueCodec.class);

	private final DataKeyRing keyRing;

	private final AuditLog audit;

	SecretValueCodec(DataKeyRing keyRing, AuditLog audit) {
		this.keyRing = keyRing;
		this.audit = audit;
	}

	/**
	 * Seals a new value for the secret under the active data key (asked for once), bound
	 * to the version number it becomes: the same stored form serves as the current value
	 * and as that version, and an older ciphertext written back fails to open.
	 * @return the version's stored form, to be kept with the secret's versions
	 */
	SealedVersion seal(Secret secret, String value, Instant now) {
		ActiveDataKey active = this.keyRing.active();
		SealedVersion sealed = sealVersion(secret.appId(), secret.id(), secret.nextVersion(),
				value.getBytes(StandardCharsets.UTF_8), active);
		secret.changeValue(active.id(), sealed.sealedValue(), now);
		return sealed;
	}

	/**
	 * Opens the secret's value.
	 * @throws SecretUnreadableException if the stored value does not authenticate
	 */
	String open(Secret secret) {
		return new String(openBytes(secret), StandardCharsets.UTF_8);
	}

	/**
	 * Seals the secret's value again under the given key, without changing it.
	 * @throws SecretUnreadableException if the stored value does not authenticate
	 */
	void reseal(Secret secret, ActiveDataKey active) {
		secret.reseal(active.id(), sealed(secret, active, openBytes(secret)));
	}

	/**
	 * Seals, bound to its version, a value stored in an older form: plain UTF-8 (before
	 * encryption at rest, no data key) or sealed without a version. Only for the rows the
	 * migration listed as such; anywhere else these forms are integrity failures.
	 * @throws SecretUnreadableException if a sealed value does not authenticate
	 */
	void upgradeLegacy(Secret secret, ActiveDataKey active) {
		byte[] plaintext;
		if (secret.dataKeyId() == null) {
			plaintext = secret.sealedValue();
		}
		else {
			try {
				plaintext = SealedValue.open(secret.sealedValue(), this.keyRing.key(secret.dataKeyId()), secret.appId(),
						secret.id());
			}
			catch (IntegrityException ex) {
				throw alert(secret, ex);
			}
		}
		secret.reseal(active.id(), sealed(secret, active, plaintext));
	}

	/** A version's stored form and the data key that sealed it. */
	record SealedVersion(UUID dataKeyId, byte[] sealedValue) {
	}

	SealedVersion sealVersion(UUID appId, UUID secretId, int version, byte[] plaintext, ActiveDataKey active) {
		return new SealedVersion(active.id(),
				SealedValue.sealVersion(active.id(), active.key(), appId, secretId, version, plaintext));
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
			log.error("INTEGRITY ALERT: version " + version.version() + " of secret " + version.secretId() + " (key "
					+ key + ") of app " + version.appId() + " could not be decrypted: " + ex.getMessage());
			this.audit.recordFailure(AuditActions.SECRET_READ, version.appId(), version.secretId(), key);
			throw new SecretUnreadableException();
		}
	}

	private static byte[] sealed(Secret secret, ActiveDataKey active, byte[] plaintext) {
		return SealedValue.sealVersion(active.id(), active.key(), secret.appId(), secret.id(), secret.version(),
				plaintext);
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
			throw alert(secret, ex);
		}
	}

	/**
	 * An integrity alert: someone altered, moved or replayed the stored value, or swapped
	 * keys.
	 */
	private SecretUnreadableException alert(Secret secret, IntegrityException ex) {
		log.error("INTEGRITY ALERT: the value of secret " + secret.id() + " (key " + secret.key() + ") of app "
				+ secret.appId() + " could not be decrypted: " + ex.getMessage());
		this.audit.recordFailure(AuditActions.SECRET_READ, secret.appId(), secret.id(), secret.key());
		return new SecretUnreadableException();
	}

}
