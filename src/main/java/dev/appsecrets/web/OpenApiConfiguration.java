package dev.appsecrets.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's description and its error answers. Error responses are added
 * here by rule (which routes take a body, an app id, a key) rather than repeated on every
 * controller method.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM_REF = "#/components/schemas/Problem";

	private static final String BEARER = "bearerAuth";

	static {
		// A value is a plain string on the wire.
		SpringDocUtils.getConfig().replaceWithClass(SecretValue.class, String.class);
	}

	@Bean
	OpenAPI appSecretsVaultOpenApi() {
		return new OpenAPI().info(new Info().title("App Secrets Vault")
			.version("v1")
			.description("Keeps the secret variables of applications (API keys, passwords, tokens) and hands "
					+ "them to the callers allowed to see them. Errors are RFC 9457 problem details. Every endpoint "
					+ "needs a bearer token (Authorize: the admin token or an API token). A method that a path does "
					+ "not have is answered 405, with an Allow header, as a problem too."))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas("Problem", problemSchema());
			openApi.getComponents()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("The admin token (SECRETS_ADMIN_TOKEN), an API token (sv_...) or a JWT"));
			openApi.getPaths().forEach(OpenApiConfiguration::addProblemResponses);
			OpenApiSchemas.tighten(openApi);
			OpenApiOrder.apply(openApi);
		};
	}

	private static void addProblemResponses(String path, PathItem item) {
		item.readOperationsMap().forEach((method, operation) -> {
			ProblemExamples examples = new ProblemExamples(path, method.name(), operation);
			boolean hasBody = operation.getRequestBody() != null;
			boolean mayHaveBody = hasBody || method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE;
			boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
			boolean ids = path.contains("{");
			if (hasBody || hasParameters || ids) {
				add(operation, "400", "Malformed JSON, a missing or invalid field or parameter, or an id in the path "
						+ "that is not in canonical form", examples.badRequest());
			}
			String notFound = examples.notFound();
			if (notFound != null) {
				add(operation, "404", "Nothing has this id or name (or key)", examples.problem(404, notFound));
			}
			String conflict = examples.conflict();
			if (conflict != null) {
				add(operation, "409", "A conflict with the current state: the key is taken, or the name is ambiguous",
						examples.problem(409, conflict));
			}
			boolean ifMatch = hasParameters && operation.getParameters()
				.stream()
				.anyMatch((parameter) -> "header".equals(parameter.getIn())
						&& "If-Match".equalsIgnoreCase(parameter.getName()));
			if (ifMatch || path.contains("by-key") && method == PathItem.HttpMethod.PUT) {
				add(operation, "412",
						"If-Match (or If-None-Match) no longer holds: the secret changed since it was read",
						examples.problem(412, "The secret has changed since the If-Match entity tag was read; its tag "
								+ "is now \"2.3.5c1d8e3f\""));
			}
			if (mayHaveBody) {
				add(operation, "413", "Request body over the size limit", examples.problem(413,
						"Request body is larger than the limit of 6356992 bytes (a value of at most 1048576 bytes, "
								+ "JSON-escaped, and the JSON around it)"));
			}
			if (hasBody) {
				add(operation, "415", "Request body not sent as one of the operation's media types",
						examples.problem(415, "Content-Type 'text/xml' is not supported."));
			}
			add(operation, "401", "Missing, invalid, expired or revoked bearer token",
					examples.problem(401, "A bearer token is required"));
			add(operation, "403", "The token lacks the permission, or the app is outside its scope",
					examples.problem(403, "The bearer token does not allow this request (permission or app)"));
			add(operation, "406", "The Accept header names no media type the operation answers in",
					examples.problem(406, "Acceptable representations: [application/json]."));
			if (examples.opensValues()) {
				add(operation, "500",
						"A stored value failed its integrity check: reported to the operators, never " + "answered",
						examples.problem(500, "secret could not be decrypted"));
			}
			add(operation, "429",
					"Rate limit reached (the caller's budget for this kind of request, or the client address's "
							+ "budget of failed authentications); retry after the Retry-After delay",
					examples.problem(429, "Too many requests (value-reads limit of 1200 per 60 s); retry after 12 s"))
				.headers(rateLimitHeaders(true));
			add(operation, "503", "The database is unavailable; retry after the Retry-After delay",
					examples.problem(503, "The database is unavailable; try again shortly"))
				.addHeaderObject("Retry-After", header("Seconds to wait before trying again", new IntegerSchema()));
			declareHeaders(path, operation);
		});
	}

	/** Headers every answer carries, and those of successful and created answers. */
	private static void declareHeaders(String path, Operation operation) {
		operation.getResponses().forEach((status, response) -> {
			response.addHeaderObject("X-Request-Id",
					header("The request's id, as sent (if well-formed) or made by the service; in the audit log too",
							new StringSchema()));
			if (status.startsWith("2")) {
				rateLimitHeaders(false).forEach(response::addHeaderObject);
				boolean oneSecret = response.getContent() != null && response.getContent()
					.values()
					.stream()
					.anyMatch((media) -> media.getSchema() != null
							&& "#/components/schemas/AppSecret".equals(media.getSchema().get$ref()));
				if (oneSecret) {
					response.addHeaderObject("ETag", header(
							"The secret's strong entity tag \"<version>.<changes>.<id start>\": send it as If-Match",
							new StringSchema().example("\"2.3.5c1d8e3f\"")));
				}
			}
			if ("201".equals(status)) {
				response.addHeaderObject("Location", header("The URL of what was created", new StringSchema()));
			}
		});
	}

	private static Map<String, io.swagger.v3.oas.models.headers.Header> rateLimitHeaders(boolean refused) {
		Map<String, io.swagger.v3.oas.models.headers.Header> headers = new java.util.LinkedHashMap<>();
		if (refused) {
			headers.put("Retry-After", header("Seconds until the budget allows the request", new IntegerSchema()));
		}
		headers.put("RateLimit-Policy",
				header("The budget drawn on (draft-ietf-httpapi-ratelimit-headers-10), when rate limits are on",
						new StringSchema().example("\"value-reads\";q=1200;w=60")));
		headers.put("RateLimit", header("What is left of it, and when it is full again",
				new StringSchema().example("\"value-reads\";r=1187;t=42")));
		return headers;
	}

	private static io.swagger.v3.oas.models.headers.Header header(String description, Schema<?> schema) {
		return new io.swagger.v3.oas.models.headers.Header().description(description).schema(schema);
	}

	private static ApiResponse add(Operation operation, String status, String description, Object example) {
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)).example(example)));
		responses.addApiResponse(status, response);
		return response;
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Map<String, Schema> error = new LinkedHashMap<>();
		error.put("field", new StringSchema().description("The field, parameter or header"));
		error.put("line", new IntegerSchema().description("The line of an import's body, counted from 1"));
		error.put("key", new StringSchema().description("The key on that line, if it is one"));
		error.put("message", new StringSchema().description("What is wrong with it"));
		Schema<?> fieldError = new ObjectSchema().description("One invalid field, parameter or line")
			.properties(error)
			.required(List.of("message"))
			.additionalProperties(Boolean.FALSE);
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().example("about:blank"));
		properties.put("title", new StringSchema().example("Not Found"));
		properties.put("status", new IntegerSchema().example(404));
		properties.put("detail", new StringSchema().example("App 0b5e1c2a-7d4e-4f3a-9c61-2a8f5e7b9d10 not found"));
		properties.put("instance", new StringSchema().example("/apps/0b5e1c2a-7d4e-4f3a-9c61-2a8f5e7b9d10"));
		properties.put(Problems.ERRORS, new ArraySchema().items(fieldError).description("Every invalid field or line"));
		return new ObjectSchema().description("RFC 9457 problem details")
			.required(List.of("type", "title", "status", "detail", "instance"))
			.properties(properties)
			.additionalProperties(Boolean.FALSE);
	}

}
