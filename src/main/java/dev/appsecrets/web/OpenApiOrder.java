package dev.appsecrets.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document in the order a reader needs it: tags from apps to administration,
 * and in each tag the common operations first. Swagger UI shows tags in the order of the
 * document's tag list, and operations in the order of its paths.
 */
final class OpenApiOrder {

	/** The tags, in order, with the operations of each. */
	private static final Map<Tag, List<String>> TAGS = new LinkedHashMap<>();

	static {
		TAGS.put(new Tag().name("Apps").description("Applications, the owners of secrets"),
				List.of("listApps", "createApp", "getApp", "renameApp", "deleteApp"));
		TAGS.put(new Tag().name("Secrets")
			.description("The secret variables of an app: one by one, by key, or all " + "at once (import, export)"),
				List.of("listSecrets", "createSecret", "getSecret", "updateSecret", "replaceSecret", "deleteSecret",
						"rotateSecret", "getSecretByKey", "getSecretByKeyVersions", "putSecretByKey",
						"deleteSecretByKey", "importSecrets", "exportSecrets"));
		TAGS.put(new Tag().name("Versions").description("Earlier values of a secret, and rollback"),
				List.of("listSecretVersions", "getSecretVersion", "restoreSecretVersion"));
		TAGS.put(new Tag().name("Deleted secrets").description("Deleted secrets, recoverable until purged"),
				List.of("listDeletedSecrets", "undeleteSecret"));
		TAGS.put(new Tag().name("Tokens").description("API tokens scoped to permissions and apps (permission admin)"),
				List.of("createToken", "listTokens", "revokeToken"));
		TAGS.put(
				new Tag().name("Audit")
					.description("Who read or changed what, when and from where (permission audit:read)"),
				List.of("listAuditEvents", "verifyAuditEvents", "auditChainHead"));
		TAGS.put(new Tag().name("Admin").description("Data keys and their rotation (permission admin, every app)"),
				List.of("encryptionStatus", "rotateDataKey"));
		TAGS.put(new Tag().name("Spring Cloud Config")
			.description("Spring Cloud Config Server's protocol, for Spring Boot applications that import their "
					+ "secrets with spring.config.import=configserver:"),
				List.of("getConfigEnvironment", "getConfigEnvironmentWithLabel"));
	}

	private OpenApiOrder() {
	}

	/** Puts each operation under its tag, and the tags and paths in reading order. */
	static void apply(OpenAPI openApi) {
		List<String> order = TAGS.values().stream().flatMap(List::stream).toList();
		openApi.getPaths()
			.values()
			.forEach((item) -> item.readOperations().forEach((operation) -> TAGS.forEach((tag, operations) -> {
				if (operations.contains(operation.getOperationId())) {
					operation.setTags(List.of(tag.getName()));
				}
			})));
		openApi.setTags(List.copyOf(TAGS.keySet()));
		Paths sorted = new Paths();
		openApi.getPaths()
			.entrySet()
			.stream()
			.sorted(Comparator
				.comparingInt((Map.Entry<String, io.swagger.v3.oas.models.PathItem> entry) -> entry.getValue()
					.readOperations()
					.stream()
					.mapToInt((operation) -> rank(order, operation.getOperationId()))
					.min()
					.orElse(Integer.MAX_VALUE)))
			.forEach((entry) -> sorted.addPathItem(entry.getKey(), entry.getValue()));
		openApi.setPaths(sorted);
	}

	private static int rank(List<String> order, String operationId) {
		int rank = order.indexOf(operationId);
		return (rank >= 0) ? rank : Integer.MAX_VALUE;
	}

}
