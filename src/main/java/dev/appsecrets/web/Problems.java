package dev.appsecrets.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details, and writes them for code that runs before Spring MVC
 * (filters, and later Spring Security), so every error a caller sees has the same shape.
 */
@Component
public class Problems {

	/** Name of the extension member that lists validation failures. */
	static final String ERRORS = "errors";

	private final JsonMapper json;

	Problems(JsonMapper json) {
		this.json = json;
	}

	/**
	 * RFC 9457's type for problems that need no more than their status to be understood.
	 */
	static final URI BLANK_TYPE = URI.create("about:blank");

	static ProblemDetail of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return complete(problem);
	}

	static ProblemDetail invalid(String detail, List<FieldError> errors) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
		if (!errors.isEmpty()) {
			problem.setProperty(ERRORS, errors);
		}
		return problem;
	}

	/**
	 * Fills in what callers rely on: {@code type} is always present (about:blank unless
	 * more is known) and {@code title} is the status's reason phrase.
	 */
	static ProblemDetail complete(ProblemDetail problem) {
		if (problem.getType() == null) {
			problem.setType(BLANK_TYPE);
		}
		if (problem.getTitle() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setTitle((status != null) ? status.getReasonPhrase() : null);
		}
		return problem;
	}

	/**
	 * Writes a problem as the whole response, for callers outside Spring MVC.
	 * @param request the request being answered, whose path becomes the problem's
	 * instance
	 * @param response the response to write
	 * @param status the status to answer
	 * @param detail what went wrong, in words safe to show (no value, token or SQL)
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request, response, of(status, detail));
	}

	/**
	 * Writes a 400 problem naming the one invalid field, for callers outside Spring MVC.
	 * @param request the request being answered
	 * @param response the response to write
	 * @param detail what went wrong, in words safe to show
	 * @param field the invalid field, header or path variable
	 * @param message what it must be
	 * @throws IOException if the response cannot be written
	 */
	public void writeInvalid(HttpServletRequest request, HttpServletResponse response, String detail, String field,
			String message) throws IOException {
		write(request, response, invalid(detail, List.of(new FieldError(field, message))));
	}

	/**
	 * Writes a problem without an instance, where no request is at hand.
	 * @param response the response to write
	 * @param status the status to answer
	 * @param detail what went wrong, in words safe to show
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		write(null, response, of(status, detail));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		HttpStatus status = HttpStatus.valueOf(problem.getStatus());
		try {
			if (request != null) {
				problem.setInstance(URI.create(request.getRequestURI()));
			}
		}
		catch (IllegalArgumentException ex) {
			// A path that is no valid URI reference is left out rather than failing the
			// answer.
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
