package dev.appsecrets;

import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that run the whole service over real HTTP against the shared
 * PostgreSQL. All of them share one application context.
 */
// Rate limits off: the suite sends many refused requests from one address (RateLimitTests
// and JwtAccessTests turn them on).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "secrets.audit.seal-delay=0s", "secrets.rate-limit.enabled=false" })
public abstract class ApiTest {

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	/** The port the service under test listens on. */
	protected int port() {
		return this.port;
	}

	/**
	 * A client with the admin token, whose every exchange is checked against the served
	 * OpenAPI document: a status it does not list, an answer its schema refuses, or a
	 * request it refuses that the service accepted fails the test.
	 */
	protected Http http() {
		return new Http(this.port).checkedAgainst(ServedDocument.of(this.port));
	}

	/** Creates an app and answers its id. */
	protected String createApp(String name) {
		Http.Reply reply = http().post("/apps", Map.of("name", name));
		assertThat(reply.status()).isEqualTo(201);
		return reply.id();
	}

	/** Creates a secret and answers its id. */
	protected String createSecret(String appId, String key, String value) {
		Http.Reply reply = http().post("/apps/" + appId + "/secrets", Map.of("key", key, "value", value));
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.id();
	}

	/** Asserts that a reply is a problem with the status, and answers its body. */
	protected static tools.jackson.databind.JsonNode assertProblem(Http.Reply reply, int status) {
		assertThat(reply.status()).as(reply::brief).isEqualTo(status);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		tools.jackson.databind.JsonNode problem = reply.json();
		assertThat(problem.get("type").asString()).isNotEmpty();
		assertThat(problem.get("title").asString()).isNotEmpty();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotEmpty();
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("\tat ");
		return problem;
	}

}
