package dev.appsecrets.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;

/**
 * A master key held in memory, from base64 of 32 random bytes
 * ({@code openssl rand -base64 32}). Data keys are wrapped with AES-256-GCM under it.
 */
public final class LocalKeyEncryptionKey implements KeyEncryptionKey {

	private static final byte[] FINGERPRINT_LABEL = "app-secrets-vault master key fingerprint v1"
		.getBytes(StandardCharsets.US_ASCII);

	private final SecretKey key;

	private final String fingerprint;

	private LocalKeyEncryptionKey(byte[] material) {
		this.key = Aead.key(material);
		this.fingerprint = fingerprintOf(material);
	}

	/**
	 * Reads a master key from its base64 form.
	 * @param base64 base64 of exactly 32 bytes; surrounding whitespace is ignored
	 * @param source where the key came from, named in the error if it is malformed (never
	 * the key)
	 * @return the key
	 */
	public static LocalKeyEncryptionKey fromBase64(String base64, String source) {
		byte[] material;
		try {
			material = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					source + " is not valid base64; make a key with: openssl rand -base64 32");
		}
		if (material.length != Aead.KEY_BYTES) {
			throw new IllegalArgumentException(source + " must be base64 of 32 bytes, but holds " + material.length
					+ " bytes; make a key with: openssl rand -base64 32");
		}
		return new LocalKeyEncryptionKey(material);
	}

	/**
	 * Makes a new random master key.
	 * @return its base64 form
	 */
	public static String generateBase64() {
		return Base64.getEncoder().encodeToString(Aead.newKey().getEncoded());
	}

	@Override
	public String fingerprint() {
		return this.fingerprint;
	}

	@Override
	public byte[] wrap(byte[] dataKey, byte[] associatedData) {
		return Aead.seal(this.key, dataKey, associatedData);
	}

	@Override
	public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
		return Aead.open(this.key, wrapped, associatedData);
	}

	/**
	 * A hash of the key under a fixed label, cut to 16 hex digits: enough to tell keys
	 * apart, and safe to log because a 256-bit random key cannot be found from its hash.
	 */
	private static String fingerprintOf(byte[] material) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(FINGERPRINT_LABEL);
			return HexFormat.of().formatHex(sha256.digest(material), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "LocalKeyEncryptionKey[" + this.fingerprint + "]";
	}

}
