package dev.appsecrets.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed but names something invalid (an unknown app, say): a 400
 * with the field in the {@code errors} array, like any validation failure.
 */
public class InvalidRequestException extends ErrorResponseException {

	/** Timestamps the database can hold and a person can mean: years 1 to 9999. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public InvalidRequestException(String field, String message) {
		this("Request body has invalid fields", field, message);
	}

	private InvalidRequestException(String detail, String field, String message) {
		super(org.springframework.http.HttpStatus.BAD_REQUEST,
				Problems.invalid(detail, List.of(new FieldError(field, message))), null);
	}

	/**
	 * An invalid query parameter.
	 * @param name the parameter
	 * @param message what it must be
	 * @return the exception to throw
	 */
	public static InvalidRequestException parameter(String name, String message) {
		return new InvalidRequestException("Request has invalid parameters", name, message);
	}

	/**
	 * An invalid request header.
	 * @param name the header
	 * @param message what it must be
	 * @return the exception to throw
	 */
	public static InvalidRequestException header(String name, String message) {
		return new InvalidRequestException("Request has an invalid header", name, message);
	}

	/**
	 * Refuses an instant outside the years 1 to 9999 (PostgreSQL cannot hold the far ends
	 * of {@link Instant}'s range, and no one means them).
	 * @param field the field or parameter that holds it, for the answer
	 * @param instant the instant, or null
	 * @param parameter whether it is a query parameter (else a body field)
	 */
	public static void requireSupported(String field, Instant instant, boolean parameter) {
		if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
			String message = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
			throw parameter ? parameter(field, message) : new InvalidRequestException(field, message);
		}
	}

}
