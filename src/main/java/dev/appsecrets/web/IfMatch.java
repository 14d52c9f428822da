package dev.appsecrets.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Optimistic concurrency: a request sent with {@code If-Match} goes ahead only if the
 * resource still has one of the named entity tags, else 412. Without the header the last
 * writer wins.
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The strong entity tag of a revision.
	 * @param revision a number that changes with every change
	 * @return the tag, quoted
	 */
	public static String etag(long revision) {
		return "\"" + revision + "\"";
	}

	/**
	 * Refuses the request unless the header names the current tag (or is absent, or
	 * {@code *}).
	 * @param header the If-Match header, or null
	 * @param revision the resource's current revision
	 */
	public static void require(String header, long revision) {
		if (header == null || header.isBlank()) {
			return;
		}
		String current = etag(revision);
		for (String tag : header.split(",")) {
			String candidate = tag.strip();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if ("*".equals(candidate) || current.equals(candidate)) {
				return;
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
				"The secret has changed since the If-Match entity tag was read; its tag is now " + current);
		throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
	}

}
