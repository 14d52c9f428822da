package dev.appsecrets.access;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * What a budget said about a request.
 *
 * @param budget the budget
 * @param limit its capacity and period
 * @param allowed whether the request may go on
 * @param remaining requests left in the bucket
 * @param reset seconds until the bucket is full again
 * @param retryAfter seconds until the next request would be allowed (when refused)
 */
record RateLimitDecision(RateLimitBudget budget, RateLimitProperties.Limit limit, boolean allowed, long remaining,
		long reset, long retryAfter) {

	/**
	 * The rate-limit headers of draft-ietf-httpapi-ratelimit-headers-10, and
	 * {@code Retry-After} when refused.
	 */
	void writeHeaders(HttpServletResponse response) {
		String policy = "\"" + this.budget.policy() + "\"";
		response.setHeader("RateLimit-Policy",
				policy + ";q=" + this.limit.capacity() + ";w=" + this.limit.period().toSeconds());
		response.setHeader("RateLimit", policy + ";r=" + this.remaining + ";t=" + this.reset);
		if (!this.allowed) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfter)));
		}
	}

}
