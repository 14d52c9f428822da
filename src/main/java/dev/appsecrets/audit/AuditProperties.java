package dev.appsecrets.audit;

import java.time.Duration;

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
 */
@Validated
@ConfigurationProperties("secrets.audit")
record AuditProperties(@DefaultValue("5s") Duration sealInterval, @DefaultValue("2s") Duration sealDelay,
		@DefaultValue("0") int retentionDays) {
}
