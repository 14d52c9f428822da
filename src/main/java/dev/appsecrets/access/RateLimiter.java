package dev.appsecrets.access;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import dev.appsecrets.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The token buckets, in the configured store, and what this instance remembers in front
 * of them: who is refused until when (so that a refused request costs no store access,
 * and with the PostgreSQL store no database write), and which callers authenticated
 * lately (so that an address over its failed-authentication budget does not lock out the
 * good callers behind it). Both memories are bounded.
 */
class RateLimiter {

	/** The budget a request drew on, given back if it then fails authentication. */
	static final String DRAWN = RateLimiter.class.getName() + ".drawn";

	/** How long a caller that authenticated is spared its address's refusals. */
	private static final Duration KNOWN_FOR = Duration.ofMinutes(10);

	/** Most keys each local memory holds; the oldest go first. */
	static final int MAX_KEYS = 100_000;

	private final RateLimitProperties properties;

	private final RateLimitBuckets buckets;

	private final RateLimitRefusals refusals;

	private final Cache<String, long[]> refusedUntil;

	private final Cache<String, Boolean> authenticated;

	RateLimiter(RateLimitProperties properties, ProxyManager<String> buckets, MeterRegistry meters, Problems problems) {
		this.properties = properties;
		this.buckets = new RateLimitBuckets(properties, buckets);
		this.refusals = new RateLimitRefusals(meters, problems);
		this.refusedUntil = Caffeine.newBuilder()
			.maximumSize(MAX_KEYS)
			.expireAfterWrite(this.buckets.longestPeriod())
			.build();
		this.authenticated = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(KNOWN_FOR).build();
	}

	boolean enabled() {
		return this.properties.enabled();
	}

	/**
	 * A request that failed authentication: gives back what it drew from the caller's
	 * budget (the credential was not the caller's) and draws on its address's budget.
	 * @return {@code true} if the request may still be answered (and audited) as a
	 * failure; {@code false} if it was answered with 429
	 */
	boolean failedAuthentication(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!enabled()) {
			return true;
		}
		if (request.getAttribute(DRAWN) instanceof Drawn drawn) {
			this.refund(drawn.budget(), drawn.caller());
			// Revoked or expired since: no longer spared its address's refusals.
			this.authenticated.invalidate(drawn.caller());
		}
		String address = RateLimitKeys.address(request);
		RateLimitDecision decision = this.consume(RateLimitBudget.FAILED_AUTH, address);
		if (decision == null) {
			return true;
		}
		if (!decision.allowed()) {
			this.refusals.refuse(request, response, decision, "address " + address);
			return false;
		}
		decision.writeHeaders(response);
		return true;
	}

	/**
	 * Takes one request from a key's bucket, unless the key was refused moments ago and
	 * its wait is not over (answered here, from memory). A store that fails lets the
	 * request through: authentication, which follows, needs the same database.
	 */
	RateLimitDecision consume(RateLimitBudget budget, String key) {
		RateLimitDecision refused = stillRefused(budget, key);
		if (refused != null) {
			return refused;
		}
		ConsumptionProbe probe;
		try {
			probe = this.buckets.consume(budget, key);
		}
		catch (RuntimeException ex) {
			this.refusals.warnOnce("store",
					"Rate-limit store unavailable, requests pass unlimited: " + ex.getClass().getName());
			return null;
		}
		RateLimitDecision decision = new RateLimitDecision(budget, this.properties.limit(budget), probe.isConsumed(),
				probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
				seconds(probe.getNanosToWaitForRefill()));
		if (!decision.allowed()) {
			long now = System.nanoTime();
			this.refusedUntil.put(budget.policy() + ":" + key,
					new long[] { now + TimeUnit.SECONDS.toNanos(decision.retryAfter()),
							now + TimeUnit.SECONDS.toNanos(decision.reset()) });
		}
		return decision;
	}

	/**
	 * Gives back a request taken from a key's bucket (one that failed authentication).
	 */
	void refund(RateLimitBudget budget, String key) {
		try {
			this.buckets.refund(budget, key);
		}
		catch (RuntimeException ex) {
			this.refusals.warnOnce("store", "Rate-limit store unavailable: " + ex.getClass().getName());
		}
	}

	/** The refusal still standing for a key, answered from memory, or {@code null}. */
	RateLimitDecision stillRefused(RateLimitBudget budget, String key) {
		long[] until = this.refusedUntil.getIfPresent(budget.policy() + ":" + key);
		if (until == null) {
			return null;
		}
		long now = System.nanoTime();
		if (until[0] - now <= 0) {
			this.refusedUntil.invalidate(budget.policy() + ":" + key);
			return null;
		}
		return new RateLimitDecision(budget, this.properties.limit(budget), false, 0, seconds(until[1] - now),
				seconds(until[0] - now));
	}

	/** Remembers a caller key that authenticated, so its address's refusals spare it. */
	void authenticated(String callerKey) {
		this.authenticated.put(callerKey, Boolean.TRUE);
	}

	/** Answers a refused request: 429 with the budget's headers; counted and logged. */
	void refuse(HttpServletRequest request, HttpServletResponse response, RateLimitDecision decision, String who)
			throws IOException {
		this.refusals.refuse(request, response, decision, who);
	}

	ProxyManager<String> buckets() {
		return this.buckets.store();
	}

	boolean knownCaller(String callerKey) {
		return callerKey != null && this.authenticated.getIfPresent(callerKey) != null;
	}

	/** What a request drew from its caller's budget. */
	record Drawn(RateLimitBudget budget, String caller) {
	}

	private static long seconds(long nanos) {
		return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
	}

}
