package dev.appsecrets.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one request may carry.
 *
 * @param maxRequestSize largest secret value accepted (in UTF-8 bytes); a request body
 * may exceed it by {@link #FRAMING_ALLOWANCE} of JSON around the value, so a value of
 * exactly this size still fits. Anything larger is answered 413.
 */
@Validated
@ConfigurationProperties("secrets")
record RequestLimitsProperties(DataSize maxRequestSize) {

	/**
	 * Room for the JSON around a value of the largest size: key, field names, quotes,
	 * escapes.
	 */
	static final DataSize FRAMING_ALLOWANCE = DataSize.ofKilobytes(64);

	RequestLimitsProperties {
		if (maxRequestSize == null) {
			maxRequestSize = DataSize.ofMegabytes(1);
		}
	}

	long maxBodyBytes() {
		return this.maxRequestSize.toBytes() + FRAMING_ALLOWANCE.toBytes();
	}

}
