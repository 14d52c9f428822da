package dev.appsecrets.web;

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
			.addModule(new SimpleModule("canonical-ids").addDeserializer(UUID.class, new CanonicalUuidDeserializer()))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setAcceptBlankAsEmpty(false)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Array, CoercionAction.Fail));
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
