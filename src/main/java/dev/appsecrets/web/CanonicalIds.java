package dev.appsecrets.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one strict reading of ids in paths and parameters. {@link UUID#fromString} accepts
 * {@code 1-2-3-4-5} and Spring's own conversion trims blanks first, so {@code "<id> "}
 * would reach a handler as {@code <id>} while a rule that read it differently let it
 * pass. Here an id is exactly its canonical text, so the text and the value determine
 * each other and every reader sees the same id.
 */
public final class CanonicalIds {

	/** RFC 9562's canonical form: lower-case hex, hyphens at 8-4-4-4-12. */
	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** A positive decimal number without sign, leading zero or blank. */
	private static final Pattern NUMBER_TEXT = Pattern.compile("[1-9][0-9]{0,8}");

	/**
	 * The rule for secret keys: the request records, the OpenAPI document, the path of
	 * {@code /by-key/{key}} and the database's {@code app_secrets_key_format} check hold
	 * the same one.
	 */
	public static final String KEY_PATTERN = "^[A-Za-z0-9_]+$";

	/** The longest secret key. */
	public static final int KEY_MAX_LENGTH = 256;

	private static final Pattern KEY_TEXT = Pattern.compile(KEY_PATTERN);

	private CanonicalIds() {
	}

	/**
	 * A secret key written exactly as stored.
	 * @param text the text as the caller sent it
	 * @return the key, or null if it breaks the key rule
	 */
	public static String key(String text) {
		return (text != null && text.length() <= KEY_MAX_LENGTH && KEY_TEXT.matcher(text).matches()) ? text : null;
	}

	/**
	 * The UUID written exactly in canonical form.
	 * @param text the text as the caller sent it (after percent-decoding)
	 * @return the UUID, or null if the text is anything else
	 */
	public static UUID uuid(String text) {
		return (text != null && UUID_TEXT.matcher(text).matches()) ? UUID.fromString(text) : null;
	}

	/**
	 * A positive number written plainly, as a version number in a path.
	 * @param text the text as the caller sent it (after percent-decoding)
	 * @return the number, or null if the text is anything else
	 */
	public static Integer number(String text) {
		return (text != null && NUMBER_TEXT.matcher(text).matches()) ? Integer.valueOf(text) : null;
	}

}
