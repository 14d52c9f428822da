package dev.appsecrets.access;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits: token buckets per caller (value reads, writes, everything else) and per
 * client address for requests that fail authentication.
 *
 * @param enabled whether requests are limited at all
 * @param store where the buckets live: {@code memory} (one instance) or
 * {@code postgresql} (shared by every instance on the database)
 * @param valueReads per caller: requests whose answer can carry values
 * @param writes per caller: requests that change something
 * @param other per caller: every other request
 * @param failedAuth per client address: requests that fail authentication
 */
@Validated
@ConfigurationProperties("secrets.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("memory") @NotNull Store store,
		@Valid Limit valueReads, @Valid Limit writes, @Valid Limit other, @Valid Limit failedAuth) {

	RateLimitProperties {
		valueReads = Limit.orDefault(valueReads, 1200, Duration.ofMinutes(1));
		writes = Limit.orDefault(writes, 300, Duration.ofMinutes(1));
		other = Limit.orDefault(other, 1200, Duration.ofMinutes(1));
		failedAuth = Limit.orDefault(failedAuth, 100, Duration.ofMinutes(1));
	}

	Limit limit(RateLimitBudget budget) {
		return switch (budget) {
			case VALUE_READS -> this.valueReads;
			case WRITES -> this.writes;
			case OTHER -> this.other;
			case FAILED_AUTH -> this.failedAuth;
		};
	}

	/** Where buckets are kept. */
	enum Store {

		/** In this instance's memory, bounded. */
		MEMORY,
		/** In the service's PostgreSQL, shared by all instances. */
		POSTGRESQL

	}

	/**
	 * One budget: up to {@code capacity} requests at once (the burst), refilled evenly to
	 * {@code capacity} over {@code period}.
	 *
	 * @param capacity requests in a full bucket
	 * @param period how long an empty bucket takes to fill again
	 */
	record Limit(@Min(1) @Max(1_000_000) Integer capacity,
			@DurationMin(seconds = 1) @DurationMax(days = 1) Duration period) {

		static Limit orDefault(Limit limit, int capacity, Duration period) {
			if (limit == null) {
				return new Limit(capacity, period);
			}
			return new Limit((limit.capacity() != null) ? limit.capacity() : capacity,
					(limit.period() != null) ? limit.period() : period);
		}

	}

}
