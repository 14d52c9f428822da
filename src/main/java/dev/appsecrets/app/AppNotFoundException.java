package dev.appsecrets.app;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No app has the id a caller named; answered as a 404 problem.
 */
public class AppNotFoundException extends ErrorResponseException {

	public AppNotFoundException(UUID appId) {
		super(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "App " + appId + " not found"), null);
	}

	private AppNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

	/**
	 * No app the caller may touch has the name.
	 * @param name the name asked for
	 * @return the exception to throw
	 */
	public static AppNotFoundException named(String name) {
		return new AppNotFoundException("No app you may read is named \"" + name + "\"");
	}

}
