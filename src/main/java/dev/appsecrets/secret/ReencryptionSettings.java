package dev.appsecrets.secret;

import java.time.Duration;

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
record ReencryptionSettings(@DefaultValue("200") int batchSize, @DefaultValue("1m") Duration interval) {
}
