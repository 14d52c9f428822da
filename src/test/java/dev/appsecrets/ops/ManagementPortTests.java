package dev.appsecrets.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.Http;
import dev.appsecrets.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MANAGEMENT_SERVER_PORT set, the scraper and the probes use that port without a
 * token, as in Kubernetes, and the main port serves neither the metrics nor anything else
 * without one.
 */
class ManagementPortTests {

	@Test
	void theManagementPortServesMetricsAndProbesWithoutATokenAndOnlyThose() throws IOException {
		int managementPort = freePort();
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.arguments()));
		arguments.addAll(List.of("--server.port=0", "--management.server.port=" + managementPort));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AppSecretsVaultApplication.class)
			.run(arguments.toArray(String[]::new))) {
			int mainPort = ((WebServerApplicationContext) context).getWebServer().getPort();
			Http management = new Http(managementPort, null);
			Http.Reply scrape = management.get("/actuator/prometheus");
			assertThat(scrape.status()).isEqualTo(200);
			assertThat(scrape.body()).contains("secrets_audit_unsealed_events", "secrets_reencryption_pending");
			assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(management.get("/apps").status()).isEqualTo(401);
			// Beside the actuator only what is public anyway (landing page, API docs)
			// answers
			// there without a token.
			assertThat(management.get("/error").status()).isEqualTo(401);
			assertThat(management.get("/tokens").status()).isEqualTo(401);

			Http main = new Http(mainPort, null);
			assertThat(main.get("/apps").status()).isEqualTo(401);
			assertThat(new Http(mainPort).get("/actuator/prometheus").status()).isEqualTo(404);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
