package dev.appsecrets.web;

/**
 * A request body, or a value in it, is larger than {@code secrets.max-request-size};
 * answered 413.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
