package dev.appsecrets.access;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.appsecrets.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;

/**
 * Refused requests: answered 429 with the budget's headers, counted in
 * {@code secrets.ratelimit.limited} by budget, and logged at most once a minute per
 * address or caller, never one audit row each.
 */
class RateLimitRefusals {

	private static final Log log = LogFactory.getLog(RateLimitRefusals.class);

	private final Problems problems;

	private final Map<RateLimitBudget, Counter> limited = new EnumMap<>(RateLimitBudget.class);

	private final Cache<String, Boolean> logged = Caffeine.newBuilder()
		.maximumSize(RateLimiter.MAX_KEYS)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	RateLimitRefusals(MeterRegistry meters, Problems problems) {
		this.problems = problems;
		for (RateLimitBudget budget : RateLimitBudget.values()) {
			this.limited.put(budget,
					Counter.builder("secrets.ratelimit.limited")
						.description("Requests refused with 429 because a rate limit was reached")
						.tag("budget", budget.policy())
						.register(meters));
		}
	}

	/** Answers a refused request: 429 with the budget's headers; counted and logged. */
	void refuse(HttpServletRequest request, HttpServletResponse response, RateLimitDecision decision, String who)
			throws IOException {
		refused(decision.budget(), who);
		decision.writeHeaders(response);
		this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests (" + decision.budget().policy() + " limit of " + decision.limit().capacity()
						+ " per " + decision.limit().period().toSeconds() + " s); retry after "
						+ Math.max(1, decision.retryAfter()) + " s");
	}

	/**
	 * Counts a refused request and logs it, at most once a minute per key.
	 * @param budget the budget that refused it
	 * @param who how to name the key in the log: an address, or a caller's fingerprint
	 */
	private void refused(RateLimitBudget budget, String who) {
		this.limited.get(budget).increment();
		if (this.logged.asMap().putIfAbsent(budget.policy() + ":" + who, Boolean.TRUE) == null) {
			log.warn("Rate limit " + budget.policy() + " reached by " + who
					+ "; refusing with 429 (logged once a minute, counted in secrets.ratelimit.limited)");
		}
	}

	void warnOnce(String what, String message) {
		if (this.logged.asMap().putIfAbsent("warn:" + what, Boolean.TRUE) == null) {
			log.warn(message);
		}
	}

}
