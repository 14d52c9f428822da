package dev.appsecrets.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON input: a number, boolean, object or array where a string belongs is refused
 * instead of coerced (a secret {@code 007} sent as a number would otherwise come back as
 * {@code "7"}), and a field given twice is refused instead of the last one silently
 * winning.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setAcceptBlankAsEmpty(false)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Array, CoercionAction.Fail));
	}

}
