package dev.appsecrets.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import dev.appsecrets.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Postman collection cannot fall behind the API: it calls every operation of the
 * served OpenAPI document (newman runs it against a fresh service by hand; README says
 * how).
 */
class PostmanCollectionTests extends ApiTest {

	@Test
	void theCollectionCallsEveryOperationOfTheDocument() throws Exception {
		Set<String> documented = new TreeSet<>();
		http().get("/v3/api-docs")
			.json()
			.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> documented
					.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + normalized(path.getKey()))));
		JsonNode collection = JsonMapper.shared()
			.readTree(Files.readString(Path.of("postman/app-secrets-vault.postman_collection.json")));
		Set<String> called = new TreeSet<>();
		collect(collection.get("item"), called);

		assertThat(documented).hasSizeGreaterThanOrEqualTo(33);
		assertThat(called).containsAll(documented);
		assertThat(collection.get("info").get("schema").asString()).contains("v2.1.0");
		JsonNode environment = JsonMapper.shared()
			.readTree(Files.readString(Path.of("postman/local.postman_environment.json")));
		Set<String> variables = new TreeSet<>();
		environment.get("values").forEach((value) -> variables.add(value.get("key").asString()));
		assertThat(variables).containsExactly("baseUrl", "token");
	}

	private static void collect(JsonNode items, Set<String> called) {
		for (JsonNode item : items) {
			if (item.has("item")) {
				collect(item.get("item"), called);
				continue;
			}
			JsonNode request = item.get("request");
			String raw = request.get("url").get("raw").asString();
			String path = raw.replace("{{baseUrl}}", "").replaceAll("\\?.*$", "");
			called.add(request.get("method").asString() + " " + normalized(path));
		}
	}

	/** A path with each variable ({appId}, {{appId}}) as {}. */
	private static String normalized(String path) {
		return path.replaceAll("\\{\\{[^}]+}}", "{}").replaceAll("\\{[^}]+}", "{}");
	}

}
