package dev.appsecrets.web;

/**
 * A request body is not well-formed UTF-8 (an overlong form, a surrogate, a truncated
 * sequence): answered 400, never decoded leniently into other characters.
 */
class MalformedBodyException extends RuntimeException {

	MalformedBodyException(String message) {
		super(message);
	}

}
