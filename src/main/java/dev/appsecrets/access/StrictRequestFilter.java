package dev.appsecrets.access;

import java.io.IOException;
import java.util.Collections;

import dev.appsecrets.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anyone authenticates or authorizes it, a request that could be read two
 * ways: a path id that is not exactly a canonical UUID (or a version that is not a plain
 * number), and more than one {@code Authorization} header (which would let the rule and
 * the audit name different callers). Both are 400 for every caller.
 */
class StrictRequestFilter extends OncePerRequestFilter {

	private final Problems problems;

	StrictRequestFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
			this.problems.writeInvalid(request, response, "Send exactly one Authorization header", "Authorization",
					"must be sent once");
			return;
		}
		RouteMatch match = RouteMatch.of(request);
		if (!match.valid()) {
			String variable = match.invalidVariable();
			String expected = switch (variable) {
				case "version" -> "a positive whole number";
				case "key" -> "a secret key: 1 to 256 of A-Z, a-z, 0-9 and _, not percent-encoded";
				case "path" -> "a route of this service, without a trailing slash, in well-formed percent-encoding";
				default -> "a UUID in canonical form (lower-case, 8-4-4-4-12)";
			};
			this.problems.writeInvalid(request, response, variable + " must be " + expected, variable,
					"must be " + expected);
			return;
		}
		chain.doFilter(request, response);
	}

}
