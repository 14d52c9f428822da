package dev.appsecrets.crypto;

/**
 * A ciphertext did not authenticate: it was altered, moved, or is being opened with the
 * wrong key. The message never holds key material or plaintext.
 */
public class IntegrityException extends RuntimeException {

	public IntegrityException(String message) {
		super(message);
	}

}
