package dev.appsecrets.secret;

import java.time.Duration;

import jakarta.validation.constraints.Min;

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
 */
@Validated
@ConfigurationProperties("secrets")
record SecretLifecycleProperties(@DefaultValue("10") @Min(1) int versionsKept,
		@DefaultValue("7d") Duration deletedRetention) {
}
