package dev.appsecrets.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /apps} endpoints over real HTTP.
 */
class AppApiTests extends ApiTest {

	private static final String RFC3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void createAnswers201WithLocationAndTheApp() {
		Reply reply = http().post("/apps", Map.of("name", "billing"));

		assertThat(reply.status()).isEqualTo(201);
		JsonNode app = reply.json();
		assertThat(UUID.fromString(app.get("id").asString())).isNotNull();
		assertThat(app.get("name").asString()).isEqualTo("billing");
		assertThat(app.get("createdAt").asString()).matches(RFC3339_UTC);
		assertThat(app.get("updatedAt").asString()).isEqualTo(app.get("createdAt").asString());
		assertThat(reply.header("Location")).endsWith("/apps/" + app.get("id").asString());
		assertThat(http().get(java.net.URI.create(reply.header("Location")).getPath()).json()).isEqualTo(app);
	}

	@Test
	void readOnlyFieldsInTheBodyAreIgnored() {
		String foreignId = UUID.randomUUID().toString();
		Reply reply = http().post("/apps",
				Map.of("name", "ignores-extras", "id", foreignId, "createdAt", "2000-01-01T00:00:00Z"));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.id()).isNotEqualTo(foreignId);
		assertThat(reply.json().get("createdAt").asString()).doesNotStartWith("2000");
	}

	@Test
	void renameChangesTheNameAndUpdatedAt() {
		Reply created = http().post("/apps", Map.of("name", "old-name"));
		String id = created.id();

		Reply renamed = http().patch("/apps/" + id, Map.of("name", "new-name"));

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("new-name");
		assertThat(renamed.json().get("createdAt")).isEqualTo(created.json().get("createdAt"));
		assertThat(Instant.parse(renamed.json().get("updatedAt").asString()))
			.isAfter(Instant.parse(created.json().get("updatedAt").asString()));
		assertThat(http().get("/apps/" + id).json().get("name").asString()).isEqualTo("new-name");
	}

	@Test
	void deleteAnswers204AndTakesTheSecretsWithIt() {
		String id = createApp("doomed");
		createSecret(id, "A", "1");
		String deleted = createSecret(id, "B", "2");
		http().delete("/apps/" + id + "/secrets/" + deleted);

		assertThat(http().delete("/apps/" + id).status()).isEqualTo(204);

		assertProblem(http().get("/apps/" + id), 404);
		assertProblem(http().get("/apps/" + id + "/secrets"), 404);
		assertThat(this.jdbc.queryForObject("select count(*) from app_secrets where app_id = ?::uuid", Long.class, id))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from secret_versions v where not exists "
				+ "(select 1 from app_secrets s where s.id = v.secret_id)", Long.class))
			.isZero();
		assertProblem(http().delete("/apps/" + id), 404);
	}

	@Test
	void listIsOrderedByNameThenIdAndPaged() {
		String prefix = "paging-" + UUID.randomUUID() + "-";
		List<String[]> created = new ArrayList<>();
		for (String name : List.of("b", "a", "C", "a", "_", "é")) {
			created.add(new String[] { prefix + name, createApp(prefix + name) });
		}
		created.sort(Comparator.<String[], String>comparing((app) -> app[0]).thenComparing((app) -> app[1]));
		List<String> expected = created.stream().map((app) -> app[1]).toList();

		List<String> all = new ArrayList<>();
		long total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 2) {
			JsonNode page = http().get("/apps?limit=2&offset=" + offset).json();
			total = page.get("total").asLong();
			assertThat(page.get("apps").size()).isLessThanOrEqualTo(2);
			page.get("apps").forEach((app) -> all.add(app.get("id").asString()));
		}

		assertThat(all).hasSize((int) total);
		assertThat(all.stream().filter(expected::contains).toList()).isEqualTo(expected);
	}

	@Test
	void listDefaultsToFiftyAndRefusesLimitsOutOfRange() {
		JsonNode page = http().get("/apps").json();
		assertThat(page.get("limit").asInt()).isEqualTo(50);
		assertThat(page.get("offset").asInt()).isZero();
		assertThat(http().get("/apps?limit=500").status()).isEqualTo(200);

		assertThat(assertProblem(http().get("/apps?limit=501"), 400).get("errors").get(0).get("field").asString())
			.isEqualTo("limit");
		assertProblem(http().get("/apps?limit=0"), 400);
		assertProblem(http().get("/apps?offset=-1"), 400);
		assertProblem(http().get("/apps?limit=many"), 400);
	}

	@Test
	void invalidNamesAnswer400NamingTheField() {
		for (Object name : new Object[] { "", "   ", "x".repeat(101), "nul\u0000inside", 42, true }) {
			Map<String, Object> body = new java.util.HashMap<>();
			body.put("name", name);
			JsonNode problem = assertProblem(http().post("/apps", body), 400);
			assertThat(problem.get("errors").get(0).get("field").asString()).as("name %s", name).isEqualTo("name");
		}
		assertThat(assertProblem(http().post("/apps", Map.of()), 400).get("errors").get(0).get("field").asString())
			.isEqualTo("name");
	}

	@Test
	void aNameOfHundredCharactersIsAcceptedEvenOutsideTheBasicPlane() {
		String name = "😀".repeat(100);
		Reply reply = http().post("/apps", Map.of("name", name));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void unknownAppAnswers404AndInvalidIdAnswers400() {
		String unknown = UUID.randomUUID().toString();
		assertProblem(http().get("/apps/" + unknown), 404);
		assertProblem(http().patch("/apps/" + unknown, Map.of("name", "x")), 404);
		assertProblem(http().delete("/apps/" + unknown), 404);

		JsonNode problem = assertProblem(http().get("/apps/not-a-uuid"), 400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("appId");
	}

	@Test
	void unsupportedMethodAnswers405AndWrongContentType415() {
		String id = createApp("methods");
		Reply put = http().put("/apps/" + id, Map.of("name", "x"));
		assertProblem(put, 405);
		assertThat(put.header("Allow")).contains("PATCH");

		assertProblem(http().send("POST", "/apps", "text/plain", "name=x"), 415);
		assertProblem(http().send("POST", "/apps", "application/x-www-form-urlencoded", "name=x"), 415);
	}

	@Test
	void malformedJsonAnswers400() {
		assertProblem(http().post("/apps", "{\"name\": "), 400);
		assertProblem(http().post("/apps", "{\"name\": \"a\"} trailing"), 400);
		assertProblem(http().post("/apps", "[]"), 400);
		assertProblem(http().post("/apps", ""), 400);
		assertProblem(http().post("/apps", "{\"name\": \"a\", \"name\": \"b\"}"), 400);
	}

}
