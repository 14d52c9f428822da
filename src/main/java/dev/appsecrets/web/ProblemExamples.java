package dev.appsecrets.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;

import org.springframework.http.HttpStatus;

/**
 * The example problem answers of one operation in the OpenAPI document: the bodies the
 * service really answers (their texts were copied from answers of the running service),
 * with the operation's own path as {@code instance} and sample ids in it.
 */
final class ProblemExamples {

	static final String APP = "0b5e1c2a-7d4e-4f3a-9c61-2a8f5e7b9d10";

	static final String SECRET = "5c1d8e3f-2b7a-4c9e-8f10-6a4d2e9b7c31";

	static final String TOKEN = "9a2f4c6e-1d3b-4e5f-8a7c-0b1d2e3f4a5b";

	/**
	 * The operations whose answer opens stored values, and so can meet a tampered one.
	 */
	private static final Set<String> OPENING_VALUES = Set.of("listSecrets", "getSecret", "getSecretVersion",
			"restoreSecretVersion", "exportSecrets", "getSecretByKey", "getSecretByKeyVersions", "importSecrets",
			"getConfigEnvironment", "getConfigEnvironmentWithLabel", "updateSecret", "replaceSecret", "undeleteSecret",
			"putSecretByKey", "rotateSecret");

	private final String path;

	private final String method;

	private final Operation operation;

	ProblemExamples(String path, String method, Operation operation) {
		this.path = path;
		this.method = method;
		this.operation = operation;
	}

	/** The request path with sample ids, as a problem's {@code instance}. */
	String instance() {
		return this.path.replace("{appId}", APP)
			.replace("{secretId}", SECRET)
			.replace("{version}", "2")
			.replace("{id}", TOKEN)
			.replace("{key}", "DATABASE_URL")
			.replace("{application}", "billing-service")
			.replace("{profile}", "prod")
			.replace("{label}", "main");
	}

	Map<String, Object> problem(int status, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("detail", detail);
		problem.put("instance", instance());
		problem.put("status", status);
		problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		problem.put("type", "about:blank");
		return problem;
	}

	/** A 400 of the kind this operation most often gets. */
	Map<String, Object> badRequest() {
		String id = this.operation.getOperationId();
		if ("importSecrets".equals(id)) {
			Map<String, Object> problem = problem(400, "2 lines or keys are invalid; nothing was written");
			problem.put(Problems.ERRORS, List.of(Map.of("line", 2, "message", "expected KEY=value"),
					Map.of("line", 5, "key", "API_KEY", "message",
							"$ before a name, {, _ or $ would be expanded by docker compose: quote the value in "
									+ "single quotes, or write \\$ inside double quotes")));
			return problem;
		}
		String field = switch (id) {
			case "createApp", "renameApp", "createToken" -> "name";
			case "createSecret", "updateSecret", "replaceSecret" -> "key";
			case "putSecretByKey" -> "value";
			case "rotateSecret" -> "length";
			default -> null;
		};
		if (field != null) {
			String message = switch (field) {
				case "key" -> "must contain only letters A-Z and a-z, digits 0-9 and underscores";
				case "name" -> "must not be blank";
				case "length" -> "must be greater than or equal to 16";
				default -> "must not be null";
			};
			return withErrors(problem(400, "Request body has invalid fields"), field, message);
		}
		if (this.operation.getParameters() != null && this.operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "query".equals(parameter.getIn()) && "limit".equals(parameter.getName()))) {
			return withErrors(problem(400, "Request has invalid parameters"), "limit", "must be between 1 and 500");
		}
		if (this.path.contains("{appId}")) {
			return withErrors(problem(400, "appId must be a UUID in canonical form (lower-case, 8-4-4-4-12)"), "appId",
					"must be a UUID in canonical form (lower-case, 8-4-4-4-12)");
		}
		if (this.path.contains("{id}")) {
			return withErrors(problem(400, "id must be a UUID in canonical form (lower-case, 8-4-4-4-12)"), "id",
					"must be a UUID in canonical form (lower-case, 8-4-4-4-12)");
		}
		return withErrors(problem(400, "Request has invalid parameters"), "expectedHead",
				"must be 64 lower-case hex digits");
	}

	/** The 404 detail of this operation, or null if it has none. */
	String notFound() {
		if (this.path.startsWith("/tokens/")) {
			return "Token " + TOKEN + " not found";
		}
		if (this.path.startsWith("/config/")) {
			return "No app you may read is named \"billing-service\"";
		}
		if (this.path.contains("{version}")) {
			return "Secret " + SECRET + " has no version 2 (never made, or no longer kept)";
		}
		if (this.path.contains("by-key") && !("PUT".equals(this.method))) {
			return "No secret with key DATABASE_URL in app " + APP;
		}
		if (this.path.contains("{secretId}")) {
			return "Secret " + SECRET + " not found in app " + APP;
		}
		return this.path.contains("{appId}") ? "App " + APP + " not found" : null;
	}

	/** The 409 detail of this operation, or null if it has none. */
	String conflict() {
		if (this.path.startsWith("/config/")) {
			return "2 apps are named \"billing-service\": name one by its id (" + APP + ", " + SECRET + ")";
		}
		boolean writesKeys = this.path.startsWith("/apps/{appId}/secrets") && !"GET".equals(this.method)
				&& !"DELETE".equals(this.method) && !this.path.endsWith("/rotate") && !this.path.endsWith("/restore");
		return writesKeys ? "The app already has a secret with key DATABASE_PASSWORD" : null;
	}

	boolean opensValues() {
		return OPENING_VALUES.contains(this.operation.getOperationId());
	}

	private static Map<String, Object> withErrors(Map<String, Object> problem, String field, String message) {
		problem.put(Problems.ERRORS, List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}
