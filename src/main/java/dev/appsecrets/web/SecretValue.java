package dev.appsecrets.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Text that must never be printed or written out by accident: a secret's value, a bearer
 * token. Its {@code toString()} is redacted, so records carrying one print safely;
 * Jackson reads it from a JSON string, and writes it only where a property asks for
 * {@link Revealed} ({@code @JsonSerialize(using = SecretValue.Revealed.class)}). Written
 * anywhere else, serialization fails instead of leaking.
 */
@JsonSerialize(using = SecretValue.Unrevealed.class)
public final class SecretValue {

	private final String text;

	private SecretValue(String text) {
		this.text = text;
	}

	/**
	 * The value of a text, or {@code null} for {@code null}; also how JSON strings are
	 * read.
	 * @param text the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static SecretValue of(String text) {
		return (text != null) ? new SecretValue(text) : null;
	}

	/**
	 * The text itself, for the code that seals, checks or answers with it.
	 * @return the text
	 */
	public String reveal() {
		return this.text;
	}

	@Override
	public String toString() {
		return "(redacted)";
	}

	/** Writes the value as a JSON string: only on properties that name it. */
	public static final class Revealed extends ValueSerializer<SecretValue> {

		@Override
		public void serialize(SecretValue value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(value.text);
		}

	}

	/** Refuses to write a value on a property that does not ask for {@link Revealed}. */
	static final class Unrevealed extends ValueSerializer<SecretValue> {

		@Override
		public void serialize(SecretValue value, JsonGenerator generator, SerializationContext context) {
			throw DatabindException.from(generator, "A secret value is written only on a property that reveals it");
		}

	}

}
