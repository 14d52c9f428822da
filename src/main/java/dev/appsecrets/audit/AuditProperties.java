package dev.appsecrets.audit;

import java.time.Duration;

import dev.appsecrets.web.ValidCron;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the audit log is sealed and kept.
 *
 * @param sealInterval how often new events are sealed into the hash chain
 * @param sealDelay how old an event must be before it is sealed, so that transactions
 * still running can commit the events they numbered earlier
 * @param retentionDays events older than this many days are deleted; 0 keeps them forever
 * @param pruneCron when events past the retention are deleted (a Spring cron expression;
 * daily by default)
 */
@Validated
@ConfigurationProperties("secrets.audit")
record AuditProperties(@DefaultValue("5s") @DurationMin(millis = 100) Duration sealInterval,
		@DefaultValue("2s") @DurationMin(millis = 0) Duration sealDelay,
		@DefaultValue("0") @Min(0) @Max(36_500) int retentionDays,
		@DefaultValue("0 17 3 * * *") @ValidCron String pruneCron) {
}
