package dev.appsecrets.web;

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
					+ "needs a bearer token (Authorize: the admin token or an API token)."))
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
		};
	}

	private static void addProblemResponses(String path, PathItem item) {
		item.readOperationsMap().forEach((method, operation) -> {
			boolean hasBody = operation.getRequestBody() != null;
			boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
			if (hasBody || hasParameters) {
				add(operation, "400", "Malformed JSON, a missing or invalid field, or an invalid UUID in the path");
			}
			if (path.contains("{appId}")) {
				add(operation, "404",
						path.contains("{secretId}") ? "Unknown app, or no such secret in this app" : "Unknown app");
			}
			if (path.contains("/secrets") && hasBody) {
				add(operation, "409", "The app already has a secret with this key");
			}
			boolean ifMatch = hasParameters && operation.getParameters()
				.stream()
				.anyMatch((parameter) -> "header".equals(parameter.getIn())
						&& "If-Match".equalsIgnoreCase(parameter.getName()));
			if (ifMatch) {
				add(operation, "412", "If-Match no longer matches: the secret changed since it was read");
			}
			if (hasBody) {
				add(operation, "413", "Request body over the size limit");
				add(operation, "415", "Request body not sent as application/json");
			}
			add(operation, "401", "Missing, invalid, expired or revoked bearer token");
			add(operation, "403", "The token lacks the permission, or the app is outside its scope");
			add(operation, "429",
					"Rate limit reached (the caller's budget for this kind of request, or the client address's "
							+ "budget of failed authentications); retry after the Retry-After delay. Every limited "
							+ "answer carries RateLimit-Policy and RateLimit headers");
			add(operation, "503", "The database is unavailable; retry after the Retry-After delay");
		});
	}

	private static void add(Operation operation, String status, String description) {
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType(
							org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> fieldError = new ObjectSchema().description("One invalid field")
			.properties(Map.of("field", new StringSchema().description("The field or parameter"), "message",
					new StringSchema().description("What is wrong with it")));
		return new ObjectSchema().description("RFC 9457 problem details")
			.required(List.of("type", "title", "status"))
			.properties(Map.of("type", new StringSchema().example("about:blank"), "title",
					new StringSchema().example("Not Found"), "status", new IntegerSchema().example(404), "detail",
					new StringSchema().example("App 5c1d... not found"), "instance",
					new StringSchema().example("/apps/5c1d..."), Problems.ERRORS,
					new ArraySchema().items(fieldError).description("Validation failures, one per field")));
	}

}
