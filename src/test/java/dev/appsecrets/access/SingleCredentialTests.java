package dev.appsecrets.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.appsecrets.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 6 of the attack: with two {@code Authorization} headers the first one won, and
 * the audit could name another caller than the one that was checked. A request carries
 * exactly one credential, or it is a 400.
 */
class SingleCredentialTests extends AccessTest {

	@LocalServerPort
	private int port;

	@Test
	void twoAuthorizationHeadersAre400InEitherOrderOnEveryKindOfRoute() throws Exception {
		String appId = createApp("two-credentials");
		String reader = issue(List.of("secrets:read"), List.of(appId)).get("token").asString();
		HttpClient client = HttpClient.newHttpClient();

		for (String path : List.of("/apps", "/apps/" + appId, "/apps/" + appId + "/secrets", "/tokens", "/audit-events",
				"/no-such-route")) {
			for (List<String> credentials : List.of(List.of(TestDatabase.ADMIN_TOKEN, reader),
					List.of(reader, TestDatabase.ADMIN_TOKEN), List.of(reader, reader), List.of("sv_guess", reader))) {
				HttpResponse<String> response = client
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Authorization", "Bearer " + credentials.get(0))
						.header("Authorization", "Bearer " + credentials.get(1))
						.build(), HttpResponse.BodyHandlers.ofString());

				assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type").orElse(""))
					.startsWith("application/problem+json");
				assertThat(response.body()).contains("Authorization").doesNotContain(reader);
			}
		}
	}

}
