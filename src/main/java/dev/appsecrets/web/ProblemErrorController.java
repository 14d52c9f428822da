package dev.appsecrets.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's errors (a method it refuses, an exception no handler took) as
 * RFC 9457 problems like every other error, instead of Spring Boot's {@code {"status":
 * 999, "error": "None"}}. Asked for directly, {@code /error} is a route like no other:
 * 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = HttpStatus.NOT_FOUND;
		String detail = "No such route";
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
			HttpStatus resolved = HttpStatus.resolve(code);
			status = (resolved != null && resolved.isError()) ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
			detail = detail(status);
		}
		ProblemDetail problem = Problems.of(status, detail);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			try {
				problem.setInstance(URI.create(uri));
			}
			catch (IllegalArgumentException ex) {
				// Not a valid URI reference: left out.
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be read";
			case NOT_FOUND -> "No such route";
			case METHOD_NOT_ALLOWED -> "Method not supported on this route";
			case CONTENT_TOO_LARGE -> "Request body too large";
			default -> status.is5xxServerError() ? "An unexpected error occurred" : status.getReasonPhrase();
		};
	}

}
