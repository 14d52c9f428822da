package dev.appsecrets.audit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The audit event could not be stored, so the request fails (fail-closed): no record, no
 * access.
 */
class AuditUnavailableException extends ErrorResponseException {

	AuditUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
	}

	private static ProblemDetail problem() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The audit log cannot be written, so the request was not carried out; try again shortly");
	}

}
