package dev.appsecrets.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before they are read whole: at once when
 * the declared Content-Length is too large, and while reading when a chunked body grows
 * too large. Bodies must be well-formed UTF-8 (JSON is), checked while they are read: a
 * 400 otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final RequestLimitsProperties limits;

	private final Problems problems;

	RequestSizeLimitFilter(RequestLimitsProperties limits, Problems problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.limits.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
			return;
		}
		chain.doFilter(new LimitedRequest(request, max, tooLarge()), response);
	}

	private String tooLarge() {
		return "Request body is larger than the limit of " + this.limits.maxBodyBytes() + " bytes (a value of at most "
				+ this.limits.maxRequestSize().toBytes() + " bytes, JSON-escaped, and the JSON around it)";
	}

	/**
	 * A request whose body stream fails once more than a number of bytes have been read.
	 */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long max;

		private final String message;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long max, String message) {
			super(request);
			this.max = max;
			this.message = message;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.max, this.message);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long max;

		private final String message;

		private long read;

		private final Utf8Check utf8 = new Utf8Check();

		LimitedInputStream(ServletInputStream delegate, long max, String message) {
			this.delegate = delegate;
			this.max = max;
			this.message = message;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b != -1) {
				count(1);
				this.utf8.update(new byte[] { (byte) b }, 0, 1);
			}
			else {
				this.utf8.end();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
				this.utf8.update(buffer, offset, n);
			}
			else if (n == -1) {
				this.utf8.end();
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.max) {
				throw new PayloadTooLargeException(this.message);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
