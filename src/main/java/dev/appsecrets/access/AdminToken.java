package dev.appsecrets.access;

/**
 * The bootstrap administrator's token, held only as its hash.
 */
final class AdminToken {

	private final byte[] hash;

	AdminToken(String token) {
		this.hash = TokenHashes.hash(token);
	}

	/**
	 * Compares hashes in constant time, so response timing tells nothing about the token.
	 */
	boolean matches(String token) {
		return TokenHashes.same(this.hash, TokenHashes.hash(token));
	}

}
