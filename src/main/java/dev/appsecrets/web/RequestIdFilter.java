package dev.appsecrets.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} if it is a sane one, a new
 * UUID otherwise; always sent back in that header, and recorded with the request's audit
 * events.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header that carries the id both ways. */
	public static final String HEADER = "X-Request-Id";

	/** The request id's name in the logging context (MDC), and in JSON log lines. */
	public static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	/**
	 * The id of a request.
	 * @param request the request
	 * @return its id, or null if this filter has not seen it
	 */
	public static String of(HttpServletRequest request) {
		return (String) request.getAttribute(ATTRIBUTE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String sent = request.getHeader(HEADER);
		String id = (sent != null && SANE.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		// On every log line of the request: in the text format's brackets, a field of the
		// JSON formats.
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
