package dev.appsecrets.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the {@code Content-Type} once, strictly, before anything else does: a wildcard
 * ({@code *}{@code /*}), a quoted or otherwise unparseable value, or a charset other than
 * UTF-8 is a 415, and two {@code Content-Type} headers a 400. Spring's own parsing threw
 * for some of these deep inside a request (a 500), and a Latin-1 charset stored a UTF-8
 * value garbled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ContentTypeFilter extends OncePerRequestFilter {

	private final Problems problems;

	ContentTypeFilter(Problems problems) {
		this.problems = problems;
	}

	/**
	 * Also on the container's error dispatch (a TRACE refused by Tomcat never passed the
	 * filters): there a bad {@code Content-Type} is hidden from the error page instead of
	 * answered, so the error it renders is the one that happened.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// An error page never needs the request's body type: hidden, whatever it is.
			chain.doFilter(
					(request.getHeader(HttpHeaders.CONTENT_TYPE) == null) ? request : withoutContentType(request),
					response);
			return;
		}
		if (Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE)).size() > 1) {
			this.problems.writeInvalid(request, response, "Send one Content-Type header", HttpHeaders.CONTENT_TYPE,
					"must be sent once");
			return;
		}
		String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && (!acceptable(contentType) || !containerReadsCharset(request))) {
			this.problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type must be one concrete media type in UTF-8, such as application/json");
			return;
		}
		chain.doFilter(request, response);
	}

	private static HttpServletRequest withoutContentType(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getContentType() {
				return null;
			}

			@Override
			public String getCharacterEncoding() {
				return null;
			}

			@Override
			public String getHeader(String name) {
				return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
						: super.getHeaders(name);
			}

			@Override
			public Enumeration<String> getHeaderNames() {
				return Collections.enumeration(Collections.list(super.getHeaderNames())
					.stream()
					.filter((header) -> !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header))
					.toList());
			}

		};
	}

	/**
	 * Whether Tomcat's own reading of the charset agrees: for a bare {@code ;charset} it
	 * answers an empty name, which fails wherever it is used.
	 */
	private static boolean containerReadsCharset(HttpServletRequest request) {
		try {
			String encoding = request.getCharacterEncoding();
			return encoding == null || StandardCharsets.UTF_8.equals(Charset.forName(encoding));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean acceptable(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isConcrete() && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
		}
		catch (RuntimeException ex) {
			// Unparseable (InvalidMediaTypeException), or an unknown charset.
			return false;
		}
	}

}
