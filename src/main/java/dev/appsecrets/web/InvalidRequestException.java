package dev.appsecrets.web;

import java.util.List;

import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed but names something invalid (an unknown app, say): a 400
 * with the field in the {@code errors} array, like any validation failure.
 */
public class InvalidRequestException extends ErrorResponseException {

	public InvalidRequestException(String field, String message) {
		super(org.springframework.http.HttpStatus.BAD_REQUEST,
				Problems.invalid("Request body has invalid fields", List.of(new FieldError(field, message))), null);
	}

}
