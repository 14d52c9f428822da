package dev.appsecrets.ops;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.Http;
import dev.appsecrets.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One setting, Spring Boot's {@code logging.structured.format.console=ecs}, turns the
 * console into JSON lines, each line of a request carrying its request id; nothing secret
 * in them. The service runs in a JVM of its own, so that its logging is its own.
 */
class JsonLogTests {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@Test
	void everyLineIsJsonAndALineOfARequestCarriesItsRequestId() throws Exception {
		List<String> command = new ArrayList<>(
				List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), AppSecretsVaultApplication.class.getName()));
		command.addAll(List.of(TestDatabase.arguments()));
		command.addAll(
				List.of("--server.port=0", "--logging.structured.format.console=ecs", "--spring.main.banner-mode=off"));
		Process service = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
				output.lines().forEach(lines::add);
			}
			catch (java.io.IOException ex) {
				// The process ended.
			}
		});
		reader.start();
		try {
			int port = awaitPort(lines);
			Http http = new Http(port);
			String secretsPath = "/apps/" + http.post("/apps", Map.of("name", "json-logs")).id() + "/secrets";
			http.post(secretsPath, Map.of("key", "LOG_CANARY", "value", "json-log-canary-value"));
			// A method the path does not have: Spring MVC logs a warning in the request.
			Http.Reply refused = http.send("PATCH", "/tokens", "application/json", "{}",
					Map.of("X-Request-Id", "json-log-check-42"));
			assertThat(refused.status()).isEqualTo(405);
			Thread.sleep(500);
		}
		finally {
			service.destroy();
			service.waitFor(30, TimeUnit.SECONDS);
			reader.join(5000);
		}

		List<JsonNode> parsed = new ArrayList<>();
		for (String line : lines) {
			if (!line.isBlank()) {
				parsed.add(JsonMapper.shared().readTree(line));
			}
		}
		assertThat(parsed).isNotEmpty().allSatisfy((line) -> assertThat(line.has("@timestamp")).isTrue());
		List<JsonNode> ofTheRequest = parsed.stream()
			.filter((line) -> line.path("message").asString("").contains("'PATCH' is not supported"))
			.toList();
		assertThat(ofTheRequest).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.path("requestId").asString("")).isEqualTo("json-log-check-42"));
		assertThat(parsed.stream()
			.filter((line) -> line.path("process").path("thread").path("name").asString("").contains("-exec-")))
			.allSatisfy((line) -> assertThat(line.has("requestId")).as(line.toString()).isTrue());
		assertThat(String.join("\n", lines)).doesNotContain("json-log-canary-value")
			.doesNotContain(TestDatabase.ADMIN_TOKEN);
	}

	private static int awaitPort(List<String> lines) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (String line : lines) {
				Matcher port = PORT.matcher(line);
				if (port.find()) {
					return Integer.parseInt(port.group(1));
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The service did not start:\n" + String.join("\n", lines));
	}

}
