package dev.appsecrets.secret;

import java.util.List;
import java.util.Map;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import com.example.billing.ConfigClientApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stock Spring Cloud Config client (spring-cloud-starter-config from the Spring Cloud
 * BOM for Boot 4.0) imports its app's secrets from the running service with
 * {@code spring.config.import=configserver:} and an API token, as README tells.
 */
class ConfigClientTests extends ApiTest {

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	@Test
	void aSpringBootApplicationGetsItsSecretsAsPropertiesAndNewValuesOnRefresh() {
		String appId = createApp("billing-" + System.nanoTime());
		String passwordId = createSecret(appId, "SPRING_DATASOURCE_PASSWORD", "first-password");
		createSecret(appId, "API_KEY", "k-123");
		String token = token(List.of("secrets:read"), appId);

		try (ConfigurableApplicationContext client = client(appId, "prod", token)) {
			assertThat(client.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("first-password");
			assertThat(client.getEnvironment().getProperty("SPRING_DATASOURCE_PASSWORD")).isEqualTo("first-password");
			assertThat(client.getBean(ConfigClientApplication.DataSourceSettings.class).getPassword())
				.isEqualTo("first-password");
			assertThat(client.getBean(ConfigClientApplication.Injected.class).password()).isEqualTo("first-password");
			assertThat(client.getBean(ConfigClientApplication.Injected.class).apiKey()).isEqualTo("k-123");

			Http.Reply changed = http().patch("/apps/" + appId + "/secrets/" + passwordId,
					Map.of("value", "second-password"));
			assertThat(changed.status()).as(changed::brief).isEqualTo(200);
			// What POST /actuator/refresh does.
			assertThat(client.getBean(ContextRefresher.class).refresh()).contains("SPRING_DATASOURCE_PASSWORD",
					"spring.datasource.password");

			assertThat(client.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("second-password");
			assertThat(client.getBean(ConfigClientApplication.Injected.class).password()).isEqualTo("second-password");
		}
	}

	@Test
	void theAppMayBeNamedByItsNameAndAnyProfileAnswers() {
		String name = "named-" + System.nanoTime();
		String appId = createApp(name);
		createSecret(appId, "SPRING_DATASOURCE_PASSWORD", "by-name");
		createSecret(appId, "API_KEY", "k-by-name");
		try (ConfigurableApplicationContext client = client(name, "default", token(List.of("secrets:read"), appId))) {
			assertThat(client.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("by-name");
		}
	}

	@Test
	void aTokenScopedToAnotherAppGetsNothing() {
		String name = "guarded-" + System.nanoTime();
		String appId = createApp(name);
		createSecret(appId, "SPRING_DATASOURCE_PASSWORD", "not-for-others");
		String other = createApp("other-" + System.nanoTime());
		String othersToken = token(List.of("secrets:read"), other);

		// By id: 403; by name: no app of that name among the caller's (404). Either way
		// a fail-fast client refuses to start, with nothing of the value anywhere.
		// The refused start is expected here: its report is not printed.
		org.springframework.boot.logging.LoggingSystem logging = org.springframework.boot.logging.LoggingSystem
			.get(getClass().getClassLoader());
		logging.setLogLevel("org.springframework.boot.SpringApplication",
				org.springframework.boot.logging.LogLevel.OFF);
		try {
			for (String application : List.of(appId, name)) {
				assertThatThrownBy(() -> client(application, "default", othersToken).close())
					.satisfies((failure) -> assertThat(String.valueOf(failure)).doesNotContain("not-for-others"));
			}
		}
		finally {
			logging.setLogLevel("org.springframework.boot.SpringApplication", null);
		}
		Http.Reply byId = http().as(othersToken).get("/config/" + appId + "/default");
		assertProblem(byId, 403);
		assertThat(byId.body()).doesNotContain("not-for-others");
	}

	private String token(List<String> permissions, String appId) {
		Http.Reply reply = http().post("/tokens",
				Map.of("name", "config client", "permissions", permissions, "appIds", List.of(appId)));
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	/**
	 * Starts the client: its own settings only (not the service's application.properties,
	 * which share the test classpath), importing from the service.
	 */
	private ConfigurableApplicationContext client(String application, String profile, String token) {
		// The client shares the JVM with the service: it must not take over the logging
		// system that the service set up.
		System.setProperty(LOGGING_SYSTEM, "none");
		try {
			return new SpringApplicationBuilder(ConfigClientApplication.class).web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.run("--spring.config.name=config-client", "--spring.application.name=" + application,
						"--spring.profiles.active=" + profile, "--spring.cloud.config.enabled=true",
						"--spring.config.import=configserver:http://localhost:" + port() + "/config",
						"--spring.cloud.config.headers.authorization=Bearer " + token,
						"--spring.cloud.config.fail-fast=true", "--spring.main.banner-mode=off");
		}
		finally {
			System.clearProperty(LOGGING_SYSTEM);
		}
	}

}
