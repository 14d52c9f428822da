package dev.appsecrets.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appsecrets.web.SecretValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import tools.jackson.databind.annotation.JsonSerialize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Cloud Config Server's protocol, read-only: a stock Spring Boot application with
 * {@code spring-cloud-starter-config} and
 * {@code spring.config.import=configserver:http://vault:8080/config} gets its app's
 * secrets as properties.
 * <p>
 * {@code {application}} is the app's id, or its name where exactly one app the caller may
 * read has it. {@code {profile}} and {@code {label}} select nothing: an environment is an
 * app of its own ({@code shop-prod}, {@code shop-staging}), and the current values are
 * the only ones served. Both are answered back as the client sent them, so any profile,
 * {@code default} included, gets the app's values.
 */
@RestController
@Tag(name = "Spring Cloud Config", description = "Spring Cloud Config Server's protocol, for Spring Boot "
		+ "applications that import their secrets with spring.config.import=configserver:")
class ConfigServerController {

	/** The media type that Spring Cloud Config clients ask for. */
	static final String CONFIG_SERVER_V2 = "application/vnd.spring-cloud.config-server.v2+json";

	private static final String SOURCE = "app-secrets-vault:";

	private final SecretDelivery delivery;

	ConfigServerController(SecretDelivery delivery) {
		this.delivery = delivery;
	}

	@GetMapping(path = "/config/{application}/{profile}",
			produces = { MediaType.APPLICATION_JSON_VALUE, CONFIG_SERVER_V2 })
	@Operation(operationId = "getConfigEnvironment", summary = "The app's secrets as a Spring Cloud Config Environment",
			description = "Needs secrets:read on the app; audited as a list with values (secrets.read). "
					+ "Two property sources: the keys as stored, then the same values under the names Spring "
					+ "binds environment variables to (SPRING_DATASOURCE_PASSWORD as spring.datasource.password). "
					+ "version changes whenever a secret is created, deleted, renamed or gets a new value.")
	ConfigEnvironment environment(
			@Parameter(description = "The app's id, or its name if exactly one app you may read has it; "
					+ "(_) stands for /, as Spring Cloud Config writes it") @PathVariable String application,
			@Parameter(description = "Comma-separated profiles: answered back, they select nothing "
					+ "(an environment is an app of its own)") @PathVariable String profile) {
		return answer(application, profile, null);
	}

	@GetMapping(path = "/config/{application}/{profile}/{label}",
			produces = { MediaType.APPLICATION_JSON_VALUE, CONFIG_SERVER_V2 })
	@Operation(operationId = "getConfigEnvironmentWithLabel",
			summary = "The same, for a client that names a label (answered back; it selects nothing)")
	ConfigEnvironment environmentWithLabel(@PathVariable String application, @PathVariable String profile,
			@PathVariable String label) {
		return answer(application, profile, label);
	}

	private ConfigEnvironment answer(String application, String profile, String label) {
		SecretDelivery.Snapshot snapshot = this.delivery.snapshot(application.replace("(_)", "/"));
		Map<String, SecretValue> asStored = new LinkedHashMap<>(snapshot.values());
		Map<String, SecretValue> relaxed = new LinkedHashMap<>();
		snapshot.values().forEach((key, value) -> {
			String name = propertyName(key);
			if (name != null && !asStored.containsKey(name)) {
				relaxed.putIfAbsent(name, value);
			}
		});
		List<PropertySource> sources = new ArrayList<>();
		sources.add(new PropertySource(SOURCE + snapshot.appId(), asStored));
		sources.add(new PropertySource(SOURCE + snapshot.appId() + ":relaxed", relaxed));
		return new ConfigEnvironment(application, Arrays.asList(profile.split(",")), label, snapshot.version(), null,
				sources);
	}

	/**
	 * The property name Spring Boot binds an environment variable to: lower case,
	 * underscores as dots, numbers as list indexes ({@code SPRING_DATASOURCE_PASSWORD}:
	 * {@code spring.datasource.password}; {@code MY_LIST_0_NAME}:
	 * {@code my.list[0].name}). A key that would make an empty part ({@code _X},
	 * {@code A__B}) or start with an index has none.
	 */
	static String propertyName(String key) {
		String[] parts = key.toLowerCase(Locale.ROOT).split("_", -1);
		if (Arrays.stream(parts).anyMatch(String::isEmpty) || isNumber(parts[0])) {
			return null;
		}
		StringBuilder name = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			if (isNumber(parts[i])) {
				name.append('[').append(parts[i]).append(']');
			}
			else {
				name.append('.').append(parts[i]);
			}
		}
		return name.toString();
	}

	private static boolean isNumber(String part) {
		return part.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/**
	 * Spring Cloud Config's {@code Environment}.
	 */
	@Schema(name = "ConfigEnvironment")
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ConfigEnvironment(@Schema(description = "The application as the client named it") String name,
			List<String> profiles, @Schema(description = "The label as the client sent it, or null") String label,
			@Schema(description = "Changes whenever a secret of the app is created, deleted, renamed or "
					+ "gets a new value") String version,
			@Schema(description = "Always null") String state, List<PropertySource> propertySources) {

	}

	/** One property source: the keys as stored, or as Spring binds them. */
	record PropertySource(String name,
			@Schema(description = "Property name to value", additionalPropertiesSchema = String.class) @JsonSerialize(
					contentUsing = SecretValue.Revealed.class) Map<String, SecretValue> source) {

	}

}
