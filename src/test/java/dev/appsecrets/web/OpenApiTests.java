package dev.appsecrets.web;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and Swagger UI, as a developer exploring the API would use them.
 */
class OpenApiTests extends ApiTest {

	@Test
	void documentIsOpenApi31WithEveryEndpoint() {
		JsonNode doc = http().get("/v3/api-docs").json();

		assertThat(doc.get("openapi").asString()).startsWith("3.1");
		JsonNode paths = doc.get("paths");
		assertThat(paths.get("/apps").has("get")).isTrue();
		assertThat(paths.get("/apps").has("post")).isTrue();
		assertThat(paths.get("/apps/{appId}").has("get")).isTrue();
		assertThat(paths.get("/apps/{appId}").has("patch")).isTrue();
		assertThat(paths.get("/apps/{appId}").has("delete")).isTrue();
		assertThat(paths.get("/apps/{appId}/secrets").has("get")).isTrue();
		assertThat(paths.get("/apps/{appId}/secrets").has("post")).isTrue();
		for (String method : new String[] { "get", "patch", "put", "delete" }) {
			assertThat(paths.get("/apps/{appId}/secrets/{secretId}").has(method)).as(method).isTrue();
		}
	}

	@Test
	void documentDescribesTheDeliveryOperationsAndTheirMediaTypes() {
		JsonNode paths = http().get("/v3/api-docs").json().get("paths");

		JsonNode importing = paths.get("/apps/{appId}/secrets").get("put");
		assertThat(importing.get("operationId").asString()).isEqualTo("importSecrets");
		assertThat(importing.get("requestBody").get("content").properties().stream().map(java.util.Map.Entry::getKey))
			.containsExactlyInAnyOrder("application/json", "text/plain");
		assertThat(importing.get("parameters").toString()).contains("\"prune\"", "\"dryRun\"");

		JsonNode exporting = paths.get("/apps/{appId}/secrets/export").get("get");
		assertThat(exporting.get("responses")
			.get("200")
			.get("content")
			.properties()
			.stream()
			.map(java.util.Map.Entry::getKey)).contains("text/plain", "application/json", "text/x-java-properties");

		for (String path : new String[] { "/config/{application}/{profile}",
				"/config/{application}/{profile}/{label}" }) {
			assertThat(paths.get(path)
				.get("get")
				.get("responses")
				.get("200")
				.get("content")
				.has("application/vnd.spring-cloud.config-server.v2+json")).as(path).isTrue();
		}
		for (String method : new String[] { "get", "put", "delete" }) {
			assertThat(paths.get("/apps/{appId}/secrets/by-key/{key}").has(method)).as(method).isTrue();
		}
	}

	@Test
	void eachErrorOfCreatingASecretHasItsOwnExampleAndItIsTheRealAnswer() {
		JsonNode responses = http().get("/v3/api-docs")
			.json()
			.get("paths")
			.get("/apps/{appId}/secrets")
			.get("post")
			.get("responses");
		String appId = createApp("examples");
		createSecret(appId, "DATABASE_PASSWORD", "taken");
		String path = "/apps/" + appId + "/secrets";
		Http listOnly = http().as(http()
			.post("/tokens", java.util.Map.of("name", "examples", "permissions", java.util.List.of("secrets:list")))
			.json()
			.get("token")
			.asString());
		java.util.Map<String, Reply> real = new java.util.LinkedHashMap<>();
		real.put("400", http().post(path, java.util.Map.of("key", "bad-key", "value", "v")));
		real.put("401", http().as(null).post(path, java.util.Map.of("key", "K", "value", "v")));
		real.put("403", listOnly.post(path, java.util.Map.of("key", "K", "value", "v")));
		real.put("404",
				http().post("/apps/" + ProblemExamples.APP + "/secrets", java.util.Map.of("key", "K", "value", "v")));
		real.put("409", http().post(path, java.util.Map.of("key", "DATABASE_PASSWORD", "value", "v")));
		real.put("413", http().send("POST", path, "application/json", "\"" + "a".repeat(7_000_000) + "\""));
		real.put("415", http().send("POST", path, "text/xml", "<secret/>"));

		java.util.Set<String> examples = new java.util.HashSet<>();
		real.forEach((status, reply) -> {
			JsonNode example = responses.get(status).get("content").get("application/problem+json").get("example");
			assertThat(examples.add(example.toString())).as(status).isTrue();
			assertThat(reply.status()).isEqualTo(Integer.parseInt(status));
			String answered = reply.body().replace(appId, ProblemExamples.APP);
			assertThat(tools.jackson.databind.json.JsonMapper.shared().readTree(answered)).as(status)
				.isEqualTo(example);
		});
	}

	@Test
	void tagsComeInReadingOrderAndHeadersAreDeclared() {
		JsonNode doc = http().get("/v3/api-docs").json();
		java.util.List<String> tags = new java.util.ArrayList<>();
		doc.get("tags").forEach((tag) -> tags.add(tag.get("name").asString()));
		assertThat(tags).containsExactly("Apps", "Secrets", "Versions", "Deleted secrets", "Tokens", "Audit", "Admin",
				"Spring Cloud Config");
		java.util.List<String> paths = new java.util.ArrayList<>();
		doc.get("paths").properties().forEach((entry) -> paths.add(entry.getKey()));
		assertThat(paths.subList(0, 3)).containsExactly("/apps", "/apps/{appId}", "/apps/{appId}/secrets");

		JsonNode create = doc.get("paths").get("/apps/{appId}/secrets").get("post").get("responses");
		assertThat(create.get("201").get("headers").properties().stream().map(java.util.Map.Entry::getKey))
			.contains("Location", "ETag", "X-Request-Id");
		assertThat(create.get("429").get("headers").has("Retry-After")).isTrue();
		assertThat(doc.get("paths").get("/tokens/{id}").get("delete").get("responses").has("404")).isTrue();
		assertThat(doc.get("paths")
			.get("/apps/{appId}/secrets/{secretId}/undelete")
			.get("post")
			.get("responses")
			.has("409")).isTrue();
		assertThat(
				doc.get("paths").get("/apps/{appId}/secrets/{secretId}/rotate").get("post").get("responses").has("413"))
			.isTrue();
		assertThat(doc.get("paths").get("/apps/{appId}/secrets/{secretId}").get("get").get("responses").has("500"))
			.isTrue();
	}

	@Test
	void everyOperationHasAStableNamedId() {
		java.util.List<String> ids = new java.util.ArrayList<>();
		http().get("/v3/api-docs")
			.json()
			.get("paths")
			.forEach((item) -> item.forEach((operation) -> ids.add(operation.get("operationId").asString())));

		assertThat(ids).doesNotHaveDuplicates()
			.contains("listApps", "createApp", "listSecrets", "getSecret", "createToken", "rotateDataKey")
			.allSatisfy((id) -> assertThat(id).doesNotContain("_"));
	}

	@Test
	void documentSaysAValueIsPresentOnlyForACallerHoldingSecretsRead() {
		JsonNode schemas = http().get("/v3/api-docs").json().get("components").get("schemas");

		assertThat(schemas.get("AppSecret").get("properties").get("value").get("description").asString())
			.contains("Present only for a caller holding secrets:read");
		JsonNode required = schemas.get("AppSecret").get("required");
		if (required != null) {
			required.forEach((field) -> assertThat(field.asString()).isNotEqualTo("value"));
		}
	}

	@Test
	void documentDescribesTheKeyRuleAndRequiredFields() {
		JsonNode schemas = http().get("/v3/api-docs").json().get("components").get("schemas");

		JsonNode key = schemas.get("CreateSecretRequest").get("properties").get("key");
		assertThat(key.get("pattern").asString()).isEqualTo("^[A-Za-z0-9_]+$");
		assertThat(key.get("minLength").asInt()).isEqualTo(1);
		assertThat(key.get("maxLength").asInt()).isEqualTo(256);
		assertThat(schemas.get("CreateSecretRequest").get("required").toString()).contains("key", "value");
		assertThat(schemas.get("AppRequest").get("properties").get("name").get("maxLength").asInt()).isEqualTo(100);
		assertThat(schemas.get("AppSecret").get("properties").has("value")).isTrue();
		// Values travel as SecretValue inside the service; on the wire they are strings.
		for (String[] property : new String[][] { { "AppSecret", "value" }, { "CreateSecretRequest", "value" },
				{ "UpdateSecretRequest", "value" }, { "SecretVersion", "value" }, { "Token", "token" } }) {
			assertThat(schemas.get(property[0]).get("properties").get(property[1]).get("type").asString())
				.as(property[0] + "." + property[1])
				.isEqualTo("string");
		}
	}

	@Test
	void errorAnswersAreDocumentedAsProblemDetails() {
		JsonNode doc = http().get("/v3/api-docs").json();
		JsonNode create = doc.get("paths").get("/apps/{appId}/secrets").get("post").get("responses");

		for (String status : new String[] { "400", "404", "409", "413", "415", "429", "503" }) {
			assertThat(create.get(status)
				.get("content")
				.get("application/problem+json")
				.get("schema")
				.get("$ref")
				.asString()).as(status).isEqualTo("#/components/schemas/Problem");
		}
		assertThat(create.has("201")).isTrue();
		assertThat(doc.get("components").get("schemas").get("Problem").get("properties").has("errors")).isTrue();
	}

	@Test
	void swaggerUiIsServed() {
		Reply page = http().get("/swagger-ui/index.html");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		Reply shortcut = http().get("/swagger-ui.html");
		assertThat(shortcut.status()).isIn(200, 302);
		Reply config = http().get("/v3/api-docs/swagger-config");
		assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
	}

}
