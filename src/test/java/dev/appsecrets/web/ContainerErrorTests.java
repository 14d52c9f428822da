package dev.appsecrets.web;

import java.util.List;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that the servlet container raises, or a direct request to its error route, come
 * out as problems like every other error: never Spring Boot's {@code status 999} page.
 */
class ContainerErrorTests extends ApiTest {

	@Test
	void theErrorRouteAskedForDirectlyIs404ForAnyMethod() {
		for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
			Reply reply = http().send(method, "/error", null, null);
			assertProblem(reply, 404);
		}
		assertProblem(http().as(null).get("/error"), 401);
	}

	@Test
	void aTraceWithAContentTypeTheContainerCannotReadIsStillA405Problem() {
		for (String contentType : List.of("application/json;charset", "application/json;charset=", "*/*")) {
			Reply trace = http().as(null).send("TRACE", "/actuator/health/liveness", contentType, null);
			assertProblem(trace, 405);
		}
	}

	@Test
	void aMethodTheContainerRefusesIsA405Problem() {
		Reply trace = http().send("TRACE", "/apps", null, null);

		assertProblem(trace, 405);
		assertThat(trace.body()).doesNotContain("Invalid bearer token");
	}

	@Test
	void aMethodNoOneServesIsA405AndAContentTypeThatIsNoConcreteUtf8TypeA415() {
		assertProblem(http().send("PROPFIND", "/apps", null, null), 405);
		for (String contentType : List.of("*/*", "application/*", "\"application/json\"",
				"application/json;charset=ISO-8859-1", "application/json;charset=")) {
			assertProblem(http().send("POST", "/apps", contentType, "{\"name\": \"x\"}"), 415);
			assertProblem(http().as(null).send("GET", "/actuator/health/liveness", contentType, null), 415);
		}
		assertThat(http().send("POST", "/apps", "application/json;charset=utf-8", "{\"name\": \"utf8\"}").status())
			.isEqualTo(201);
	}

	@Test
	void aPathTheFirewallRefusesIsA400ProblemNotAnAuthenticationFailure() {
		for (String path : List.of("/apps;x=1", "/apps/%2e%2e/apps", "/apps/a%0Ab", "/apps/a%3Bb")) {
			Reply reply = http().get(path);
			assertProblem(reply, 400);
			assertThat(reply.header("X-Request-Id")).isNotBlank();
		}
	}

}
