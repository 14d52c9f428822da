package dev.appsecrets.crypto;

/**
 * The master key that wraps data keys. It never leaves its holder: a local key in memory
 * now, an external KMS later, behind this same interface.
 */
public interface KeyEncryptionKey {

	/**
	 * Names the key without revealing it, so an operator can tell which key is needed.
	 * @return a short fingerprint
	 */
	String fingerprint();

	/**
	 * Encrypts a data key.
	 * @param dataKey the data key's bytes
	 * @param associatedData what the wrapped key is bound to (its id)
	 * @return the wrapped key
	 */
	byte[] wrap(byte[] dataKey, byte[] associatedData);

	/**
	 * Decrypts a data key.
	 * @param wrapped what {@link #wrap} made
	 * @param associatedData the same associated data as at wrapping
	 * @return the data key's bytes
	 * @throws IntegrityException if this key did not wrap it, or it was altered
	 */
	byte[] unwrap(byte[] wrapped, byte[] associatedData);

}
