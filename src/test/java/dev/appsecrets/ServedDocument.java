package dev.appsecrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a running service serves, as a contract its answers are checked
 * against with a JSON Schema validator (networknt, OpenAPI 3.1 dialect): every status an
 * operation answers must be listed, every JSON answer must match its schema, and every
 * request the service accepted (2xx) must match the request schema, so that the document
 * cannot drift from the service.
 */
public final class ServedDocument {

	private static final Map<Integer, ServedDocument> BY_PORT = new ConcurrentHashMap<>();

	private static final String DOCUMENT = "https://app-secrets-vault.test/openapi.json";

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private final List<Operation> operations = new ArrayList<>();

	/**
	 * Each checked schema of an operation, by "METHOD path part...": its component name.
	 */
	private final Map<String, String> names = new java.util.HashMap<>();

	private ServedDocument(String text) {
		this.document = JsonMapper.shared().readTree(text);
		// Every schema of a request or answer becomes a component of its own, so that the
		// validator reaches it by a plain name (and its $refs resolve in the document).
		tools.jackson.databind.node.ObjectNode components = (tools.jackson.databind.node.ObjectNode) this.document
			.get("components")
			.get("schemas");
		this.document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			String regex = "^" + path.getKey().replaceAll("\\{[^}]+}", "[^/]+") + "$";
			int literals = path.getKey().replaceAll("\\{[^}]+}", "").length();
			String verb = method.getKey().toUpperCase(java.util.Locale.ROOT);
			this.operations
				.add(new Operation(verb, path.getKey(), Pattern.compile(regex), literals, method.getValue()));
			method.getValue()
				.path("responses")
				.properties()
				.forEach((response) -> response.getValue()
					.path("content")
					.properties()
					.forEach((media) -> name(components, key(verb, path.getKey(), response.getKey(), media.getKey()),
							media.getValue().get("schema"))));
			method.getValue()
				.path("requestBody")
				.path("content")
				.properties()
				.forEach((media) -> name(components, key(verb, path.getKey(), "request", media.getKey()),
						media.getValue().get("schema")));
		}));
		String named = JsonMapper.shared().writeValueAsString(this.document);
		this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				(builder) -> builder.schemas(Map.of(DOCUMENT, named)));
	}

	private void name(tools.jackson.databind.node.ObjectNode components, String key, JsonNode schema) {
		if (schema != null) {
			String name = "checked" + this.names.size();
			components.set(name, schema);
			this.names.put(key, name);
		}
	}

	private static String key(String... parts) {
		return String.join(" ", parts);
	}

	/**
	 * The document the service on this port serves, fetched once.
	 * @param port the service's port
	 * @return the document
	 */
	public static ServedDocument of(int port) {
		return BY_PORT.computeIfAbsent(port, (key) -> {
			try {
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
							HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new ServedDocument(response.body());
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	/** Checks one exchange; an exchange with no documented operation is not checked. */
	void check(String method, String pathAndQuery, String requestType, byte[] requestBody, Http.Reply reply) {
		String path = pathAndQuery.replaceAll("\\?.*$", "");
		Operation operation = this.operations.stream()
			.filter((candidate) -> candidate.method().equals(method) && candidate.pattern().matcher(path).matches())
			.max(java.util.Comparator.comparingInt(Operation::literals))
			.orElse(null);
		if (operation == null || path.contains("%") || path.endsWith("/")) {
			return;
		}
		String where = method + " " + pathAndQuery + " -> " + reply.brief();
		String status = String.valueOf(reply.status());
		JsonNode response = operation.node().path("responses").path(status);
		assertThat(response.isMissingNode()).as("status not documented: %s", where).isFalse();
		String answeredType = reply.header("Content-Type");
		if (reply.bytes().length > 0 && answeredType != null && response.has("content")) {
			String media = mediaType(answeredType);
			assertThat(response.get("content").has(media)).as("media type %s not documented: %s", media, where)
				.isTrue();
			if (media.endsWith("json")) {
				validate(key(operation.method(), operation.path(), status, media), reply.bytes(), where);
			}
		}
		if (status.startsWith("2") && requestBody != null && requestBody.length > 0 && requestType != null
				&& mediaType(requestType).endsWith("json") && operation.node().has("requestBody")) {
			String media = mediaType(requestType);
			if (operation.node().get("requestBody").get("content").has(media)) {
				validate(key(operation.method(), operation.path(), "request", media), requestBody,
						"request of " + where);
			}
		}
	}

	private void validate(String key, byte[] body, String where) {
		String name = this.names.get(key);
		assertThat(name).as("no schema for %s", key).isNotNull();
		Schema schema = this.schemas.computeIfAbsent(name, (component) -> this.registry
			.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + component)));
		List<Error> errors = schema.validate(new String(body, StandardCharsets.UTF_8),
				com.networknt.schema.InputFormat.JSON);
		assertThat(errors).as("not as documented (%s): %s", key, where).isEmpty();
	}

	private static String mediaType(String contentType) {
		return contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
	}

	private record Operation(String method, String path, Pattern pattern, int literals, JsonNode node) {
	}

}
