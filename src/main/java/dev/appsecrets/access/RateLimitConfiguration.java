package dev.appsecrets.access;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.appsecrets.web.Problems;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Where the rate-limit buckets live ({@code secrets.rate-limit.store}): in a bounded
 * Caffeine cache, or in PostgreSQL's {@code rate_limit_buckets} table (made by Flyway,
 * unlogged: bucket state is not worth a WAL flush per request, and losing it in a crash
 * only refills every bucket), shared by every instance on the database. Either way a
 * bucket is dropped once it would have refilled completely.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	private static final Log log = LogFactory.getLog(RateLimitConfiguration.class);

	/** How long a full bucket is kept before it is dropped (it would be made anew). */
	private static final ExpirationAfterWriteStrategy UNTIL_FULL = ExpirationAfterWriteStrategy
		.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties, ObjectProvider<DataSource> dataSource,
			ObjectProvider<MeterRegistry> meters, Problems problems) {
		return new RateLimiter(properties, buckets(properties, dataSource),
				meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new), problems);
	}

	private static ProxyManager<String> buckets(RateLimitProperties properties, ObjectProvider<DataSource> dataSource) {
		if (properties.store() == RateLimitProperties.Store.POSTGRESQL) {
			return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource.getObject())
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_buckets")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.expirationAfterWrite(UNTIL_FULL)
				.build();
		}
		return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(RateLimiter.MAX_KEYS))
			.expirationAfterWrite(UNTIL_FULL)
			.build();
	}

	/** Deletes expired buckets from PostgreSQL every minute (Caffeine drops its own). */
	@Bean
	SchedulingConfigurer rateLimitBucketCleanup(RateLimitProperties properties, RateLimiter limiter) {
		return (ScheduledTaskRegistrar registrar) -> {
			if (properties.enabled() && limiter.buckets() instanceof ExpiredEntriesCleaner cleaner) {
				registrar.addFixedDelayTask(
						new FixedDelayTask(() -> removeExpired(cleaner), Duration.ofMinutes(1), Duration.ofMinutes(1)));
			}
		};
	}

	private static void removeExpired(ExpiredEntriesCleaner cleaner) {
		try {
			int removed;
			do {
				removed = cleaner.removeExpired(1000);
			}
			while (removed == 1000);
		}
		catch (RuntimeException ex) {
			log.warn("Expired rate-limit buckets could not be removed, to be retried: " + ex.getClass().getName());
		}
	}

}
