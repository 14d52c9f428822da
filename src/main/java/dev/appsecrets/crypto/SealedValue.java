package dev.appsecrets.crypto;

import java.nio.ByteBuffer;
import java.util.UUID;

import javax.crypto.SecretKey;

/**
 * The stored form of a secret value: format version, the id of the data key, then the
 * AES-GCM nonce, ciphertext and tag. The associated data binds it to its app and secret,
 * so a ciphertext copied into another row or app fails to open instead of leaking there.
 *
 * <pre>
 * [1 byte version = 1][16 bytes data key id][12 bytes nonce][ciphertext][16 bytes tag]
 * </pre>
 */
public final class SealedValue {

	/** The current format. */
	public static final byte VERSION_1 = 1;

	private static final int HEADER_BYTES = 1 + 16;

	/**
	 * The current value of a secret is bound to no version number (the format before
	 * versions).
	 */
	private static final int NO_VERSION = 0;

	private SealedValue() {
	}

	/**
	 * Encrypts a value for one secret.
	 * @param dataKeyId the id of the data key
	 * @param dataKey the data key
	 * @param appId the secret's app
	 * @param secretId the secret
	 * @param plaintext the value's bytes
	 * @return the stored form
	 */
	public static byte[] seal(UUID dataKeyId, SecretKey dataKey, UUID appId, UUID secretId, byte[] plaintext) {
		return seal(dataKeyId, dataKey, plaintext, associatedData(VERSION_1, dataKeyId, appId, secretId, NO_VERSION));
	}

	/**
	 * Encrypts one version of a secret's value: bound to the version number too, so
	 * versions cannot be swapped with each other or with the current value.
	 * @param dataKeyId the id of the data key
	 * @param dataKey the data key
	 * @param appId the secret's app
	 * @param secretId the secret
	 * @param version the version number, 1 or more
	 * @param plaintext the value's bytes
	 * @return the stored form
	 */
	public static byte[] sealVersion(UUID dataKeyId, SecretKey dataKey, UUID appId, UUID secretId, int version,
			byte[] plaintext) {
		return seal(dataKeyId, dataKey, plaintext, associatedData(VERSION_1, dataKeyId, appId, secretId, version));
	}

	private static byte[] seal(UUID dataKeyId, SecretKey dataKey, byte[] plaintext, byte[] associatedData) {
		byte[] sealed = Aead.seal(dataKey, plaintext, associatedData);
		return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
			.put(VERSION_1)
			.putLong(dataKeyId.getMostSignificantBits())
			.putLong(dataKeyId.getLeastSignificantBits())
			.put(sealed)
			.array();
	}

	/**
	 * Reads which data key a stored value needs.
	 * @param stored the stored form
	 * @return the data key's id
	 * @throws IntegrityException if the form is not one this service writes
	 */
	public static UUID dataKeyId(byte[] stored) {
		if (stored.length < HEADER_BYTES || stored[0] != VERSION_1) {
			throw new IntegrityException("unknown stored value format");
		}
		ByteBuffer header = ByteBuffer.wrap(stored, 1, 16);
		return new UUID(header.getLong(), header.getLong());
	}

	/**
	 * Checks and decrypts a stored value.
	 * @param stored the stored form
	 * @param dataKey the key named by {@link #dataKeyId}
	 * @param appId the app the row belongs to
	 * @param secretId the row's secret id
	 * @return the value's bytes
	 * @throws IntegrityException if it was altered, moved to another row, or the key is
	 * wrong
	 */
	public static byte[] open(byte[] stored, SecretKey dataKey, UUID appId, UUID secretId) {
		return openWith(stored, dataKey, appId, secretId, NO_VERSION);
	}

	/**
	 * Checks and decrypts one version of a secret's value.
	 * @param stored the stored form
	 * @param dataKey the key named by {@link #dataKeyId}
	 * @param appId the app the secret belongs to
	 * @param secretId the secret
	 * @param version the version number the row claims
	 * @return the value's bytes
	 * @throws IntegrityException if it was altered, moved, or claims another version
	 */
	public static byte[] openVersion(byte[] stored, SecretKey dataKey, UUID appId, UUID secretId, int version) {
		return openWith(stored, dataKey, appId, secretId, version);
	}

	private static byte[] openWith(byte[] stored, SecretKey dataKey, UUID appId, UUID secretId, int version) {
		UUID dataKeyId = dataKeyId(stored);
		return Aead.open(dataKey, stored, HEADER_BYTES, stored.length - HEADER_BYTES,
				associatedData(stored[0], dataKeyId, appId, secretId, version));
	}

	private static byte[] associatedData(byte format, UUID dataKeyId, UUID appId, UUID secretId, int version) {
		ByteBuffer data = ByteBuffer.allocate(1 + 16 * 3 + ((version != NO_VERSION) ? 4 : 0));
		data.put(format)
			.putLong(dataKeyId.getMostSignificantBits())
			.putLong(dataKeyId.getLeastSignificantBits())
			.putLong(appId.getMostSignificantBits())
			.putLong(appId.getLeastSignificantBits())
			.putLong(secretId.getMostSignificantBits())
			.putLong(secretId.getLeastSignificantBits());
		if (version != NO_VERSION) {
			data.putInt(version);
		}
		return data.array();
	}

}
