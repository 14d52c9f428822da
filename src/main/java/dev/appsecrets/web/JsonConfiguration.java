package dev.appsecrets.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON input: a number, boolean, object or array where a string belongs is refused
 * instead of coerced (a secret {@code 007} sent as a number would otherwise come back as
 * {@code "7"}), a field given twice is refused instead of the last one silently winning,
 * an unknown field is refused instead of dropped (requests list the response fields they
 * ignore), and ids are read as strictly as in paths ({@link CanonicalIds}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// A misspelled field ("app_ids") must not silently widen what a request asks
			// for.
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// {"length": "32"} and {"length": 16.5} are not the integer the document asks
			// for.
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			// An instant is RFC 3339 text, not a number of seconds.
			.withCoercionConfig(LogicalType.DateTime,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.addModule(new SimpleModule("strict-values").addDeserializer(UUID.class, new CanonicalUuidDeserializer())
				.addDeserializer(Instant.class, new Rfc3339InstantDeserializer()))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setAcceptBlankAsEmpty(false)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Array, CoercionAction.Fail));
	}

	/**
	 * An instant only as RFC 3339 text with an offset ({@code Z} or {@code +02:00}),
	 * never a number of seconds.
	 */
	private static final class Rfc3339InstantDeserializer extends StdScalarDeserializer<Instant> {

		Rfc3339InstantDeserializer() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			try {
				return OffsetDateTime.parse(parser.getString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, parser.getString(),
						"not an RFC 3339 timestamp");
			}
		}

	}

	/** A UUID only in its canonical text, as everywhere else. */
	private static final class CanonicalUuidDeserializer extends StdScalarDeserializer<UUID> {

		CanonicalUuidDeserializer() {
			super(UUID.class);
		}

		@Override
		public UUID deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (UUID) context.handleUnexpectedToken(UUID.class, parser);
			}
			UUID uuid = CanonicalIds.uuid(parser.getString());
			return (uuid != null) ? uuid
					: (UUID) context.handleWeirdStringValue(UUID.class, parser.getString(), "not a canonical UUID");
		}

	}

}
