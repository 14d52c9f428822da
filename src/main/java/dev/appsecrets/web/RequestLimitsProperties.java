package dev.appsecrets.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one request may carry.
 *
 * @param maxRequestSize largest secret value accepted (in UTF-8 bytes); a request body
 * may hold it JSON-escaped (up to {@link #ESCAPE_FACTOR} times as many bytes) with
 * {@link #FRAMING_ALLOWANCE} of JSON around it, so a value of exactly this size fits
 * however a client escapes it. Anything larger is answered 413.
 */
@Validated
@ConfigurationProperties("secrets")
public record RequestLimitsProperties(DataSize maxRequestSize) {

	/**
	 * Room for the JSON around a value of the largest size: key, field names, quotes,
	 * escapes.
	 */
	static final DataSize FRAMING_ALLOWANCE = DataSize.ofKilobytes(64);

	/** How many bytes of JSON one byte of a value can take at most ({@code \u0000}). */
	static final int ESCAPE_FACTOR = 6;

	public RequestLimitsProperties {
		if (maxRequestSize == null) {
			maxRequestSize = DataSize.ofMegabytes(1);
		}
	}

	/**
	 * Refuses a value larger than {@code maxRequestSize}, as a 413.
	 * @param value the value about to be stored
	 * @throws PayloadTooLargeException if the value's UTF-8 form is over the limit
	 */
	public void requireWithinLimit(SecretValue value) {
		long max = this.maxRequestSize.toBytes();
		String text = value.reveal();
		if (text.length() > max || utf8Length(text) > max) {
			throw new PayloadTooLargeException("Value is larger than the limit of " + max + " bytes");
		}
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	/**
	 * The largest body: a value of the largest size written with JSON escapes (up to six
	 * bytes for one, {@code \u0000}), and the JSON around it.
	 */
	long maxBodyBytes() {
		return ESCAPE_FACTOR * this.maxRequestSize.toBytes() + FRAMING_ALLOWANCE.toBytes();
	}

}
