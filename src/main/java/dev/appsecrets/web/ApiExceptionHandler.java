package dev.appsecrets.web;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem with the contract's status. Messages are
 * written here, never copied from an exception: parser and database messages can quote
 * the request body or a row, and so a secret value.
 * <p>
 * Longer than our usual 200 lines on purpose: the style asks for one advice, and every
 * framework and service error maps to its problem here, a few lines each.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final DatabaseAvailability availability;

	ApiExceptionHandler(DatabaseAvailability availability) {
		this.availability = availability;
	}

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	/** Seconds a client should wait before retrying while the database is unreachable. */
	private static final String RETRY_AFTER_SECONDS = "5";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
		return problem(Problems.invalid("Request body has invalid fields", errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> fieldErrors(result).stream())
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
		return problem(Problems.invalid("Request has invalid parameters", errors), headers);
	}

	private static List<FieldError> fieldErrors(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		return result.getResolvableErrors()
			.stream()
			.map((error) -> new FieldError(name, error.getDefaultMessage()))
			.toList();
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		String expected = expectedParameter(ex.getRequiredType());
		return problem(
				Problems.invalid(name + " must be " + expected, List.of(new FieldError(name, "must be " + expected))),
				headers);
	}

	private static String expectedParameter(Class<?> type) {
		if (UUID.class.equals(type)) {
			return "a UUID in canonical form (lower-case, 8-4-4-4-12)";
		}
		if (boolean.class.equals(type) || Boolean.class.equals(type)) {
			return "true or false";
		}
		if (java.time.Instant.class.equals(type)) {
			return "an RFC 3339 timestamp such as 2026-01-01T00:00:00Z";
		}
		if (type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type))) {
			return "a whole number";
		}
		return "of the documented form";
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MalformedBodyException malformedBody = findCause(ex, MalformedBodyException.class);
		if (malformedBody != null) {
			return problem(Problems.invalid(malformedBody.getMessage(), List.of()), headers);
		}
		PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return handlePayloadTooLarge(tooLarge);
		}
		MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
		if (mismatch != null) {
			if (mismatch.getPath().isEmpty()) {
				return problem(Problems.invalid("Request body must be a JSON object", List.of()), headers);
			}
			if (mismatch instanceof UnrecognizedPropertyException) {
				return problem(
						Problems.invalid("Request body has invalid fields",
								List.of(new FieldError(fieldPath(mismatch), "is not a field of this request"))),
						headers);
			}
			return problem(
					Problems.invalid("Request body has invalid fields",
							List.of(new FieldError(fieldPath(mismatch), "must be " + expectedType(mismatch)))),
					headers);
		}
		InputCoercionException outOfRange = findCause(ex, InputCoercionException.class);
		if (outOfRange != null) {
			return problem(Problems.invalid("Request body has invalid fields",
					List.of(new FieldError(fieldPath(outOfRange), "is out of range"))), headers);
		}
		StreamReadException malformed = findCause(ex, StreamReadException.class);
		if (malformed != null) {
			String where = (malformed.getLocation() != null) ? " (line " + malformed.getLocation().getLineNr()
					+ ", column " + malformed.getLocation().getColumnNr() + ")" : "";
			return problem(Problems.invalid("Request body is not valid JSON" + where, List.of()), headers);
		}
		if (findCause(ex, JacksonException.class) == null) {
			return problem(Problems.invalid("Request body is missing", List.of()), headers);
		}
		return problem(Problems.invalid("Request body could not be read as JSON", List.of()), headers);
	}

	private static String fieldPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expectedType(MismatchedInputException ex) {
		Class<?> target = ex.getTargetType();
		if (target == null || CharSequence.class.isAssignableFrom(target) || SecretValue.class.equals(target)) {
			return "a string";
		}
		if (UUID.class.equals(target)) {
			return "a UUID in canonical form (lower-case, 8-4-4-4-12)";
		}
		if (java.time.Instant.class.equals(target)) {
			return "an RFC 3339 timestamp such as 2026-01-01T00:00:00Z";
		}
		if (Integer.class.equals(target) || int.class.equals(target)) {
			return "a whole number";
		}
		if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
			return "a list";
		}
		if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
			return "a number";
		}
		if (target.isEnum()) {
			return "one of the documented values";
		}
		if (Boolean.class.equals(target) || boolean.class.equals(target)) {
			return "true or false";
		}
		return "an object";
	}

	/**
	 * A refusal raised by a service's own check (scope, or a credential found revoked
	 * meanwhile) is left to Spring Security, which answers 403 or 401 and audits it like
	 * any other refusal: rethrowing the very exception makes Spring MVC pass it on
	 * unhandled.
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void handleAccessDenied(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(MalformedBodyException.class)
	ResponseEntity<Object> handleMalformedBody(MalformedBodyException ex) {
		return problem(Problems.invalid(ex.getMessage(), List.of()), new HttpHeaders());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<Object> handlePayloadTooLarge(PayloadTooLargeException ex) {
		return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage()), new HttpHeaders());
	}

	/**
	 * Anything unforeseen, unless it shows the database is unreachable: that is a 503 the
	 * caller may retry, and Hikari reconnects by itself once the database is back. Logged
	 * by exception class only: messages and stack traces can hold SQL or a value. The
	 * incident id in the answer matches the log line.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		if (findCause(ex, InvalidParameterException.class) != null) {
			// Tomcat parses parameters (and form bodies) only when first asked for them.
			return problem(Problems.invalid("The request's parameters or form body are not well-formed", List.of()),
					new HttpHeaders());
		}
		if (DatabaseAvailability.isUnavailable(ex)) {
			this.availability.markDown();
			log.warn("Database unavailable: " + causeChain(ex));
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			return problem(
					Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly"),
					headers);
		}
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error, incident " + incident + ": " + causeChain(ex));
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; incident " + incident + " is logged"), new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Problems.complete(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static String causeChain(Throwable ex) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			chain.append(chain.isEmpty() ? "" : " <- ").append(cause.getClass().getName());
			if (cause instanceof SQLException sql) {
				chain.append(" [SQLSTATE ").append(sql.getSQLState()).append(']');
			}
		}
		return chain.toString();
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
