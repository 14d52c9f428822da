package dev.appsecrets.access;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * The buckets of every budget in the configured store.
 */
class RateLimitBuckets {

	private final ProxyManager<String> store;

	private final Map<RateLimitBudget, BucketConfiguration> configurations = new EnumMap<>(RateLimitBudget.class);

	private final Cache<String, Bucket> proxies;

	private final Duration longestPeriod;

	RateLimitBuckets(RateLimitProperties properties, ProxyManager<String> store) {
		this.store = store;
		Duration longest = Duration.ZERO;
		for (RateLimitBudget budget : RateLimitBudget.values()) {
			RateLimitProperties.Limit limit = properties.limit(budget);
			this.configurations.put(budget,
					BucketConfiguration.builder()
						.addLimit((bandwidth) -> bandwidth.capacity(limit.capacity())
							.refillGreedy(limit.capacity(), limit.period()))
						.build());
			longest = (limit.period().compareTo(longest) > 0) ? limit.period() : longest;
		}
		this.longestPeriod = longest;
		this.proxies = Caffeine.newBuilder().maximumSize(RateLimiter.MAX_KEYS).expireAfterAccess(longest).build();
	}

	ProxyManager<String> store() {
		return this.store;
	}

	Duration longestPeriod() {
		return this.longestPeriod;
	}

	/**
	 * Takes one request through the key's batching proxy; if its bucket does not exist (a
	 * new caller, or one whose bucket expired), once more through a plain proxy, which
	 * creates it: Bucket4j's batching fails a batch on a missing bucket instead of
	 * creating it.
	 */
	ConsumptionProbe consume(RateLimitBudget budget, String key) {
		try {
			return bucket(budget, key).tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			if (!bucketMissing(ex)) {
				throw ex;
			}
			return this.store.builder()
				.build(budget.policy() + ":" + key, () -> this.configurations.get(budget))
				.tryConsumeAndReturnRemaining(1);
		}
	}

	private static boolean bucketMissing(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BucketNotFoundException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The bucket of a key, through one proxy per key that batches concurrent requests:
	 * with the PostgreSQL store, requests of one caller arriving together cost one
	 * transaction, not one each, and stay exact.
	 */
	private Bucket bucket(RateLimitBudget budget, String key) {
		return this.proxies.get(budget.policy() + ":" + key,
				(id) -> this.store.builder()
					.withOptimization(Optimizations.batching())
					.build(id, () -> this.configurations.get(budget)));
	}

	/** Gives back one request; nothing, if the bucket does not exist. */
	void refund(RateLimitBudget budget, String key) {
		try {
			bucket(budget, key).addTokens(1);
		}
		catch (RuntimeException ex) {
			if (!bucketMissing(ex)) {
				throw ex;
			}
		}
	}

}
