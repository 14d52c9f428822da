package dev.appsecrets.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The document's schemas say exactly what the service does. Every answer's object is
 * closed and names its required fields (a field is optional only where the answer leaves
 * it out); the request objects carry the rules the service enforces that the annotations
 * cannot say (not blank, at least one of key and value, the answer fields a client may
 * send back and that are ignored); query patterns are anchored. The API tests check every
 * exchange against these schemas, so they cannot drift from the service.
 */
final class OpenApiSchemas {

	/** Fields an answer leaves out when they have no value. */
	private static final Map<String, Set<String>> OPTIONAL = Map.of("AppSecret", Set.of("value"), "SecretVersion",
			Set.of("value"), "AuditEvent",
			Set.of("actor", "appId", "secretId", "secretKey", "secretCount", "tokenId", "requestId", "clientIp",
					"userAgent", "reason"),
			"AuditVerification", Set.of("unsealedEvents", "problem"), "AuditChainProblem",
			Set.of("eventId", "seq", "detail"), "Token", Set.of("appIds", "expiresAt", "lastUsedAt", "token"),
			"AuditEventList", Set.of("nextCursor"));

	/** Fields an answer always has, but may have as null. */
	private static final Map<String, Set<String>> NULLABLE = Map.of("AuditActor", Set.of("id", "name"),
			"ConfigEnvironment", Set.of("label", "state"), "AuditChainHead", Set.of("position", "seq", "hash"));

	/**
	 * The request objects, and the answer fields each ignores if a client sends them
	 * back.
	 */
	private static final Map<String, Set<String>> REQUESTS = Map.of("AppRequest",
			Set.of("id", "createdAt", "updatedAt"), "CreateTokenRequest", Set.of(), "CreateSecretRequest",
			Set.of("id", "appId", "version", "createdAt", "updatedAt"), "UpdateSecretRequest",
			Set.of("id", "appId", "version", "createdAt", "updatedAt"), "RotateSecretRequest",
			Set.of("id", "appId", "version", "createdAt", "updatedAt"), "SecretValueRequest",
			Set.of("id", "appId", "version", "createdAt", "updatedAt"));

	/** Text that holds at least one character that is not white space. */
	private static final String NOT_BLANK = "\\S";

	private OpenApiSchemas() {
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void tighten(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		schemas.forEach((name, schema) -> {
			if (schema.getProperties() == null || "Problem".equals(name)) {
				return;
			}
			Map<String, Schema> properties = schema.getProperties();
			schema.setAdditionalProperties(Boolean.FALSE);
			properties.values().forEach(OpenApiSchemas::anchor);
			if (REQUESTS.containsKey(name)) {
				for (String ignored : REQUESTS.get(name)) {
					properties.putIfAbsent(ignored,
							new Schema<>().description("Ignored: an answer may be sent back as it is"));
				}
				return;
			}
			Set<String> optional = OPTIONAL.getOrDefault(name, Set.of());
			List<String> required = new ArrayList<>(properties.keySet());
			required.removeAll(optional);
			schema.setRequired(required);
			for (String nullable : NULLABLE.getOrDefault(name, Set.of())) {
				Schema property = properties.get(nullable);
				if (property != null && property.getTypes() != null) {
					Set<String> types = new LinkedHashSet<>(property.getTypes());
					types.add("null");
					property.setTypes(types);
				}
			}
		});
		notBlank(schemas.get("AppRequest"), "name");
		notBlank(schemas.get("CreateTokenRequest"), "name");
		Schema token = schemas.get("CreateTokenRequest");
		if (token != null && token.getProperties() != null) {
			((Schema) token.getProperties().get("name")).setMaxLength(100);
		}
		Schema update = schemas.get("UpdateSecretRequest");
		if (update != null) {
			update
				.setAnyOf(List.of(new Schema<>().required(List.of("key")), new Schema<>().required(List.of("value"))));
			update.setDescription("Names key, value or both");
		}
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			if (operation.getParameters() != null) {
				operation.getParameters().forEach(OpenApiSchemas::anchor);
			}
		}));
	}

	@SuppressWarnings("rawtypes")
	private static void notBlank(Schema schema, String property) {
		if (schema != null && schema.getProperties() != null && schema.getProperties().get(property) != null) {
			((Schema) schema.getProperties().get(property)).setPattern(NOT_BLANK);
		}
	}

	/**
	 * Bean Validation's {@code @Pattern} matches the whole text, JSON Schema's
	 * {@code pattern} any part of it: anchored, they say the same.
	 */
	private static void anchor(Parameter parameter) {
		anchor(parameter.getSchema());
	}

	private static void anchor(Schema<?> schema) {
		if (schema != null && schema.getPattern() != null && !schema.getPattern().startsWith("^")) {
			schema.setPattern("^(?:" + schema.getPattern() + ")$");
		}
	}

}
