package dev.appsecrets.secret;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The app has no secret with the id a caller named (also when the id belongs to another
 * app).
 */
class SecretNotFoundException extends ErrorResponseException {

	SecretNotFoundException(UUID appId, UUID secretId) {
		this("Secret " + secretId + " not found in app " + appId);
	}

	private SecretNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

	/** The app has no current secret with the key. */
	static SecretNotFoundException byKey(UUID appId, String key) {
		return new SecretNotFoundException("No secret with key " + key + " in app " + appId);
	}

}
