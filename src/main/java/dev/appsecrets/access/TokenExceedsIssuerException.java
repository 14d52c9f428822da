package dev.appsecrets.access;

import org.springframework.security.access.AccessDeniedException;

/**
 * A token asked for more than its issuer holds: a permission, an app or a lifetime. A 403
 * whose message says which, safe to show (it names no token).
 */
class TokenExceedsIssuerException extends AccessDeniedException {

	TokenExceedsIssuerException(String message) {
		super(message);
	}

}
