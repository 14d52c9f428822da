package dev.appsecrets.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes tokens and hashes them. Tokens carry 256 random bits, so a plain SHA-256 is the
 * right hash: no dictionary or brute force reaches them, and a slow password hash would
 * only slow every request. Only hashes are stored; a database copy gives no usable token.
 */
final class TokenHashes {

	/**
	 * Every API token starts so, which tells it from a JWT and makes leaked tokens easy
	 * to find.
	 */
	static final String PREFIX = "sv_";

	private static final SecureRandom random = new SecureRandom();

	private TokenHashes() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	/** Compares in time that does not depend on where the inputs differ. */
	static boolean same(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

}
