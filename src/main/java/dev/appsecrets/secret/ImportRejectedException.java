package dev.appsecrets.secret;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A bulk import with invalid lines or keys: a 400 that lists every one of them, with its
 * line. Nothing of the import is written.
 */
class ImportRejectedException extends ErrorResponseException {

	ImportRejectedException(List<ImportError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
	}

	private static ProblemDetail problem(List<ImportError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size()
				+ ((errors.size() == 1) ? " line or key is" : " lines or keys are") + " invalid; nothing was written");
		problem.setProperty("errors", errors);
		return problem;
	}

}
