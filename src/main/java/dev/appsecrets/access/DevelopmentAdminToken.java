package dev.appsecrets.access;

import java.nio.file.Path;

/**
 * An admin token file made for development when none is configured; offered only by the
 * embedded development database, never with a real one.
 *
 * @param file the file holding the token
 */
public record DevelopmentAdminToken(Path file) {

	/**
	 * Makes a token as strong as an API token.
	 * @return a new random token
	 */
	public static String newToken() {
		return TokenHashes.newToken();
	}

}
