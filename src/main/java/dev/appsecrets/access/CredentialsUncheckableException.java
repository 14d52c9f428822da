package dev.appsecrets.access;

import org.springframework.security.core.AuthenticationException;

/**
 * A token could not be checked because the database is unreachable: a 503, not a 401,
 * since the token may well be valid.
 */
class CredentialsUncheckableException extends AuthenticationException {

	CredentialsUncheckableException(Throwable cause) {
		super("Credentials cannot be checked now", cause);
	}

}
