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
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Secret " + secretId + " not found in app " + appId), null);
	}

}
