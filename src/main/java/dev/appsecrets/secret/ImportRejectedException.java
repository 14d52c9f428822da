package dev.appsecrets.secret;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A bulk import with invalid lines or keys: a 400 (a 413 if a value is over the size
 * limit) that lists every one of them, with its line. Nothing of the import is written.
 */
class ImportRejectedException extends ErrorResponseException {

	ImportRejectedException(List<ImportError> errors) {
		this(errors, false);
	}

	/**
	 * @param tooLarge whether a value is over the size limit: then the answer is a 413,
	 * as for one secret, still listing every error
	 */
	ImportRejectedException(List<ImportError> errors, boolean tooLarge) {
		super(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, problem(errors, tooLarge), null);
	}

	/**
	 * The most errors one answer lists: a body of a million bad lines gets a short
	 * answer.
	 */
	static final int MAX_LISTED = 100;

	private static ProblemDetail problem(List<ImportError> errors, boolean tooLarge) {
		String detail = errors.size() + ((errors.size() == 1) ? " line or key is" : " lines or keys are")
				+ " invalid; nothing was written"
				+ ((errors.size() > MAX_LISTED) ? " (the first " + MAX_LISTED + " are listed)" : "");
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", errors.subList(0, Math.min(errors.size(), MAX_LISTED)));
		return problem;
	}

}
