package dev.appsecrets.access;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No API token has the id a caller named.
 */
class TokenNotFoundException extends ErrorResponseException {

	TokenNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Token " + id + " not found"), null);
	}

}
