package dev.appsecrets.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
 * Refuses a query string that is not well-formed percent-encoded UTF-8 ({@code ?limit=%},
 * {@code ?action=%FF}) with a 400 before anything reads a parameter: Tomcat throws when a
 * parameter is first read, which surfaced as a 500 wherever that happened. NUL is refused
 * too: no parameter of this service may hold it, and PostgreSQL text cannot.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryStringFilter extends OncePerRequestFilter {

	private final Problems problems;

	QueryStringFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !wellFormed(query)) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST,
					"The query string is not well-formed: use percent-encoded UTF-8, without NUL");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean wellFormed(String query) {
		ByteBuffer bytes = ByteBuffer.allocate(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length()) {
					return false;
				}
				int high = Character.digit(query.charAt(i + 1), 16);
				int low = Character.digit(query.charAt(i + 2), 16);
				if (high < 0 || low < 0 || (high == 0 && low == 0)) {
					return false;
				}
				bytes.put((byte) ((high << 4) | low));
				i += 2;
			}
			else if (c > 0x7F || c == 0) {
				return false;
			}
			else {
				bytes.put((byte) c);
			}
		}
		bytes.flip();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
