package dev.appsecrets.secret;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The secret has no such version (never had, or it was trimmed by retention).
 */
class SecretVersionNotFoundException extends ErrorResponseException {

	SecretVersionNotFoundException(UUID secretId, int version) {
		super(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"Secret " + secretId + " has no version " + version + " (never made, or no longer kept)"),
				null);
	}

}
