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
 * Limits requests. Before authentication, so before anything touches the database: an
 * address over its failed-authentication budget is refused from memory, except for
 * callers that authenticated lately and for credentials that cannot be guessed (API
 * tokens, JWTs: they may still prove themselves, and if they fail the answer is a 429
 * from memory, with no audit row); and an API token or the admin token draws on its
 * caller's budget for the kind of request it is. A JWT's budget is drawn after
 * authentication, by the {@link #afterAuthentication} instance, since only then is its
 * subject known. The answer carries the budget's {@code RateLimit} headers; over the
 * limit it is a 429 problem with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

	/** Routes whose answer can carry values. */
	private static final Set<Route> VALUE_READS = EnumSet.of(Route.LIST_SECRETS, Route.GET_SECRET, Route.GET_VERSION,
			Route.EXPORT_SECRETS, Route.GET_SECRET_BY_KEY, Route.GET_SECRET_KEYED_VERSIONS, Route.CONFIG,
			Route.CONFIG_WITH_LABEL);

	private final RateLimiter limiter;

	private final boolean authenticated;

	private RateLimitFilter(RateLimiter limiter, boolean authenticated) {
		this.limiter = limiter;
		this.authenticated = authenticated;
	}

	/** The filter that runs before authentication. */
	static RateLimitFilter beforeAuthentication(RateLimiter limiter) {
		return new RateLimitFilter(limiter, false);
	}

	/** The filter that runs after authentication, for JWT callers. */
	static RateLimitFilter afterAuthentication(RateLimiter limiter) {
		return new RateLimitFilter(limiter, true);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limiter.enabled();
	}

	@Override
	protected String getAlreadyFilteredAttributeName() {
		return super.getAlreadyFilteredAttributeName() + (this.authenticated ? ".authenticated" : "");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.authenticated) {
			if (drawForJwt(request, response)) {
				chain.doFilter(request, response);
			}
			return;
		}
		RateLimitKeys.Credential credential = RateLimitKeys.caller(request);
		String caller = (credential != null) ? credential.key() : null;
		String address = RateLimitKeys.address(request);
		RateLimitDecision blocked = this.limiter.stillRefused(RateLimitBudget.FAILED_AUTH, address);
		boolean known = this.limiter.knownCaller(caller);
		if (blocked != null && !known && (credential == null || !credential.unguessable())) {
			this.limiter.refuse(request, response, blocked, "address " + address);
			return;
		}
		// An unknown credential from a blocked address draws on no budget until it is
		// known: drawing would cost a store write for every guess.
		if (caller != null && (blocked == null || known) && !draw(request, response, caller)) {
			return;
		}
		chain.doFilter(request, response);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && authentication != null && authentication.isAuthenticated()) {
			this.limiter.authenticated(caller);
		}
	}

	private boolean drawForJwt(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !String.valueOf(authentication.getPrincipal()).startsWith("jwt:")) {
			return true;
		}
		return draw(request, response, RateLimitKeys.jwtCaller(String.valueOf(authentication.getPrincipal()), request));
	}

	/** Draws on a caller's budget: {@code false} if the request was refused. */
	private boolean draw(HttpServletRequest request, HttpServletResponse response, String caller) throws IOException {
		RateLimitBudget budget = budget(request);
		RateLimitDecision decision = this.limiter.consume(budget, caller);
		if (decision == null) {
			return true;
		}
		if (!decision.allowed()) {
			this.limiter.refuse(request, response, decision, RateLimitKeys.fingerprint(caller));
			return false;
		}
		decision.writeHeaders(response);
		if (!this.authenticated) {
			request.setAttribute(RateLimiter.DRAWN, new RateLimiter.Drawn(budget, caller));
		}
		return true;
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
