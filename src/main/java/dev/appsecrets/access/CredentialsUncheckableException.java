package dev.appsecrets.access;

import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * A token could not be checked because the database is unreachable: a 503, not a 401,
 * since the token may well be valid.
 */
// An internal service failure: Spring's ProviderManager stops at it, instead of trying
// the
// next provider (the JWT one), whose "invalid token" would have turned the outage into a
// 401.
class CredentialsUncheckableException extends InternalAuthenticationServiceException {

	CredentialsUncheckableException(Throwable cause) {
		super("Credentials cannot be checked now", cause);
	}

}
