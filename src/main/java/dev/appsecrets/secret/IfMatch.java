package dev.appsecrets.secret;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Optimistic concurrency: a request sent with {@code If-Match} goes ahead only if the
 * resource still has one of the named entity tags, else 412. Without the header the last
 * writer wins.
 */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The strong entity tag of a secret: its value's version, its number of changes, and
	 * the start of its id, so {@code "3.5.0b5e1c2a"} is version 3 after five changes
	 * (renames and deletes count too). The id tells apart two secrets that had the same
	 * key one after the other: by key, a tag of the deleted one must not match the new
	 * one.
	 * @param secret the secret
	 * @return the tag, quoted
	 */
	static String etag(Secret secret) {
		return "\"" + secret.version() + "." + secret.revision() + "." + secret.id().toString().substring(0, 8) + "\"";
	}

	/**
	 * Refuses the request unless the header names the secret's current tag (or is absent,
	 * or {@code *}). The comparison is strong, as RFC 9110 requires for {@code If-Match}:
	 * a weak tag ({@code W/"..."}) never matches.
	 * @param header the If-Match header, or null
	 * @param secret the secret as it is now
	 */
	static void require(String header, Secret secret) {
		if (header == null || header.isBlank()) {
			return;
		}
		String current = etag(secret);
		for (String tag : header.split(",")) {
			String candidate = tag.strip();
			if ("*".equals(candidate) || current.equals(candidate)) {
				return;
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
				"The secret has changed since the If-Match entity tag was read; its tag is now " + current);
		throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
	}

	/**
	 * Refuses a write to a key that has no secret when the request asked for an existing
	 * one ({@code If-Match}), as RFC 9110 says.
	 * @param header the If-Match header, or null
	 */
	static void requireAbsentAllowed(String header) {
		if (header != null && !header.isBlank()) {
			throw failed("No secret has this key, and If-Match asks for an existing one");
		}
	}

	/**
	 * Refuses a write to an existing secret when the request asked to create only
	 * ({@code If-None-Match: *}).
	 * @param header the If-None-Match header, or null
	 */
	static void requireNoneMatch(String header) {
		if (header != null && !header.isBlank()) {
			throw failed("A secret has this key already, and If-None-Match: * asks to create only");
		}
	}

	private static ErrorResponseException failed(String detail) {
		return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED,
				ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, detail), null);
	}

}
