package dev.appsecrets.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * The errors Tomcat answers itself, before any filter runs (a path with {@code %2F} or a
 * NUL, an oversized header, a method it does not know), as RFC 9457 problems with an
 * {@code X-Request-Id} instead of its HTML page. Only the status is told: the container's
 * message can quote the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final java.util.Set<String> STANDARD_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT",
			"PATCH", "DELETE", "OPTIONS");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (status == HttpStatus.NOT_IMPLEMENTED.value() || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
			// What Tomcat does not implement is the client's error here, not the
			// server's: a
			// method it does not serve (CONNECT) is a 405, a transfer coding or an HTTP
			// version it does not know a 400.
			status = (status == HttpStatus.NOT_IMPLEMENTED.value() && !STANDARD_METHODS.contains(request.getMethod()))
					? HttpStatus.METHOD_NOT_ALLOWED.value() : HttpStatus.BAD_REQUEST.value();
			response.setStatus(status);
			response.getCoyoteResponse().setStatus(status);
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		String detail = (status >= 500) ? "The server could not handle the request"
				: "The request could not be read: " + title;
		try {
			if (status == HttpStatus.METHOD_NOT_ALLOWED.value() && response.getHeader("Allow") == null) {
				response.setHeader("Allow", String.join(", ", STANDARD_METHODS.stream().sorted().toList()));
			}
			if (response.getHeader(RequestIdFilter.HEADER) == null) {
				response.setHeader(RequestIdFilter.HEADER, UUID.randomUUID().toString());
			}
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the answer was committed: nothing more to say.
		}
	}

}
