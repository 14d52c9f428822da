package dev.appsecrets.access;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A token could not be checked because the database is unreachable: a 503, not a 401,
 * since the token may well be valid.
 */
// An AccountStatusException, though no account is at fault: it is the one kind that both
// stops Spring's ProviderManager (which would otherwise try the JWT provider next, whose
// "invalid token" turned the outage into a 401) and reaches the entry point, which
// answers
// 503 for it (an AuthenticationServiceException is rethrown past the entry point: a 500).
class CredentialsUncheckableException extends AccountStatusException {

	CredentialsUncheckableException(Throwable cause) {
		super("Credentials cannot be checked now", cause);
	}

}
