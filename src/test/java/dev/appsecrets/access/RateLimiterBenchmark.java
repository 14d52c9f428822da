package dev.appsecrets.access;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What the in-memory rate limiter adds to one request: reading the caller's key from its
 * bearer token, and taking one request from its bucket. Run as
 * {@code docs/performance.md} says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RateLimiterBenchmark {

	private RateLimiter limiter;

	private MockHttpServletRequest request;

	private String key;

	@Setup
	public void setUp() {
		RateLimitProperties.Limit unlimited = new RateLimitProperties.Limit(1_000_000, Duration.ofSeconds(1));
		RateLimitProperties properties = new RateLimitProperties(true, RateLimitProperties.Store.MEMORY, unlimited,
				unlimited, unlimited, unlimited);
		this.limiter = new RateLimiter(properties,
				Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(RateLimiter.MAX_KEYS)).build(),
				new SimpleMeterRegistry(), null);
		this.request = new MockHttpServletRequest("GET", "/apps");
		this.request.addHeader("Authorization", "Bearer sv_" + "a".repeat(43));
		this.key = RateLimitKeys.caller(this.request).key();
	}

	@Benchmark
	public RateLimitKeys.Credential callerKey() {
		return RateLimitKeys.caller(this.request);
	}

	@Benchmark
	public RateLimitDecision consume() {
		return this.limiter.consume(RateLimitBudget.VALUE_READS, this.key);
	}

}
