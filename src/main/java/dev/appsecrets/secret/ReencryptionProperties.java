package dev.appsecrets.secret;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How values move onto a new data key.
 *
 * @param batchSize how many values one re-encryption transaction re-seals
 * @param interval how often every instance looks for values still under an old data key
 */
@Validated
@ConfigurationProperties("secrets.reencryption")
record ReencryptionProperties(@DefaultValue("200") @Min(1) @Max(10_000) int batchSize,
		@DefaultValue("1m") @DurationMin(seconds = 1) Duration interval) {
}
