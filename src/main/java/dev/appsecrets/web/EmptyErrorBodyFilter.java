package dev.appsecrets.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives an error status that left the body empty (the actuator answers an unknown health
 * group with a bare 404) a problem body, so that every error the service sends is one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class EmptyErrorBodyFilter extends OncePerRequestFilter {

	private final Problems problems;

	EmptyErrorBodyFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status != null && status.isError() && !response.isCommitted() && response.getContentType() == null) {
			response.resetBuffer();
			this.problems.write(request, response, status,
					(status == HttpStatus.NOT_FOUND) ? "No such route" : status.getReasonPhrase());
		}
	}

}
