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

	/**
	 * The most errors one answer lists: a body of a million bad lines gets a short
	 * answer.
	 */
	static final int MAX_LISTED = 100;

	private static ProblemDetail problem(List<ImportError> errors) {
		String detail = errors.size() + ((errors.size() == 1) ? " line or key is" : " lines or keys are")
				+ " invalid; nothing was written"
				+ ((errors.size() > MAX_LISTED) ? " (the first " + MAX_LISTED + " are listed)" : "");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", errors.subList(0, Math.min(errors.size(), MAX_LISTED)));
		return problem;
	}

}
