package dev.appsecrets.secret;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another secret of the app already has the key; the unique constraint decided, so this
 * holds also when two requests raced for the key.
 */
class SecretKeyTakenException extends ErrorResponseException {

	SecretKeyTakenException(String key) {
		super(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The app already has a secret with key " + key),
				null);
	}

}
