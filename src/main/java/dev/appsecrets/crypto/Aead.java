package dev.appsecrets.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce for every encryption, stored in front of
 * the ciphertext. A random nonce per message is what makes reusing one key for millions
 * of values safe: GCM breaks if a nonce ever repeats under a key, and 96 random bits make
 * that negligible for far more messages than this service will write under one data key
 * (rotation starts a new key).
 */
public final class Aead {

	/** Length of a key in bytes (AES-256). */
	public static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final SecureRandom random = new SecureRandom();

	/**
	 * One cipher per thread: looking a cipher up costs more than decrypting a short
	 * value, and a Cipher is not thread-safe. Each use re-initialises it with its own key
	 * and nonce.
	 */
	private static final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(Aead::newCipher);

	private Aead() {
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance(TRANSFORMATION);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/**
	 * Makes a new random AES-256 key.
	 * @return the key
	 */
	public static SecretKey newKey() {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(KEY_BYTES * 8, random);
			return generator.generateKey();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256 is not available in this JVM", ex);
		}
	}

	/**
	 * Turns 32 bytes into an AES-256 key.
	 * @param bytes the key material
	 * @return the key
	 */
	public static SecretKey key(byte[] bytes) {
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException("An AES-256 key is 32 bytes, not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/**
	 * Encrypts and authenticates.
	 * @param key the key
	 * @param plaintext what to protect
	 * @param associatedData what the ciphertext is bound to (authenticated, not stored)
	 * @return nonce followed by ciphertext and tag
	 */
	public static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length));
			out.put(nonce);
			cipher.doFinal(ByteBuffer.wrap(plaintext), out);
			return out.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Checks and decrypts what {@link #seal} made.
	 * @param key the key
	 * @param sealed nonce, ciphertext and tag
	 * @param associatedData the same associated data as at sealing
	 * @return the plaintext
	 * @throws IntegrityException if the key, the data or the associated data do not match
	 */
	public static byte[] open(SecretKey key, byte[] sealed, byte[] associatedData) {
		return open(key, sealed, 0, sealed.length, associatedData);
	}

	/**
	 * Checks and decrypts what {@link #seal} made, found inside a larger array.
	 * @param key the key
	 * @param buffer holds nonce, ciphertext and tag
	 * @param offset where they start
	 * @param length how many bytes they take
	 * @param associatedData the same associated data as at sealing
	 * @return the plaintext
	 * @throws IntegrityException if the key, the data or the associated data do not match
	 */
	public static byte[] open(SecretKey key, byte[] buffer, int offset, int length, byte[] associatedData) {
		if (length < NONCE_BYTES + TAG_BITS / 8) {
			throw new IntegrityException("ciphertext is too short");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, buffer, offset, NONCE_BYTES));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(buffer, offset + NONCE_BYTES, length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new IntegrityException("authentication tag does not match");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

}
