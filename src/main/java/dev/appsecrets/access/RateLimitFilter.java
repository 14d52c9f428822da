package dev.appsecrets.access;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests before they are authenticated, so before anything touches the database:
 * an address over its failed-authentication budget is refused from memory (except for
 * callers that authenticated lately), and every request with a bearer credential draws on
 * its caller's budget for the kind of request it is. The answer carries the budget's
 * {@code RateLimit} headers; over the limit it is a 429 problem with {@code Retry-After}.
 * Health probes and the API documentation are not limited.
 */
class RateLimitFilter extends OncePerRequestFilter {

	/** Routes whose answer can carry values. */
	private static final Set<Route> VALUE_READS = EnumSet.of(Route.LIST_SECRETS, Route.GET_SECRET, Route.GET_VERSION);

	private final RateLimiter limiter;

	RateLimitFilter(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limiter.applies(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String caller = RateLimitKeys.caller(request);
		String address = RateLimitKeys.address(request);
		RateLimitDecision blocked = this.limiter.stillRefused(RateLimitBudget.FAILED_AUTH, address);
		if (blocked != null && !this.limiter.knownCaller(caller)) {
			this.limiter.refuse(request, response, blocked, "address " + address);
			return;
		}
		if (caller != null) {
			RateLimitBudget budget = budget(request);
			RateLimitDecision decision = this.limiter.consume(budget, caller);
			if (decision != null && !decision.allowed()) {
				this.limiter.refuse(request, response, decision, RateLimitKeys.fingerprint(caller));
				return;
			}
			if (decision != null) {
				decision.writeHeaders(response);
				request.setAttribute(RateLimiter.DRAWN, new RateLimiter.Drawn(budget, caller));
			}
		}
		chain.doFilter(request, response);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && authentication != null && authentication.isAuthenticated()) {
			this.limiter.authenticated(caller);
		}
	}

	/**
	 * Writes change something; reads that can answer with values draw on their own budget
	 * (a names-only list does not); everything else on the third.
	 */
	static RateLimitBudget budget(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
			return RateLimitBudget.WRITES;
		}
		Route route = RouteMatch.of(request).route();
		if (route == null || !VALUE_READS.contains(route)) {
			return RateLimitBudget.OTHER;
		}
		String[] values = request.getParameterValues("values");
		boolean namesOnly = route == Route.LIST_SECRETS && values != null && values.length == 1
				&& "false".equals(values[0]);
		return namesOnly ? RateLimitBudget.OTHER : RateLimitBudget.VALUE_READS;
	}

}
