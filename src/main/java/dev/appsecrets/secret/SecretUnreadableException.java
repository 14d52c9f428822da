package dev.appsecrets.secret;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A stored value failed to authenticate: it was altered or moved in the database. A 500,
 * since the caller did nothing wrong; the value is not sent, and an integrity alert is
 * logged.
 */
class SecretUnreadableException extends ErrorResponseException {

	SecretUnreadableException() {
		super(HttpStatus.INTERNAL_SERVER_ERROR,
				ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "secret could not be decrypted"),
				null);
	}

}
