package dev.appsecrets.secret;

import java.time.Duration;

import dev.appsecrets.web.ValidCron;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long old values and deleted secrets are kept.
 *
 * @param versionsKept how many versions of a value are kept, newest first; older ones are
 * deleted for good
 * @param deletedRetention how long a deleted secret can be brought back before it is
 * purged
 * @param deletedPurgeCron when deleted secrets past their retention are purged (a Spring
 * cron expression; hourly by default)
 */
@Validated
@ConfigurationProperties("secrets")
record SecretLifecycleProperties(@DefaultValue("10") @Min(1) @Max(1000) int versionsKept,
		@DefaultValue("7d") @DurationMin(minutes = 1) Duration deletedRetention,
		@DefaultValue("0 7 * * * *") @ValidCron String deletedPurgeCron) {
}
