package dev.appsecrets.ops;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape on the main port: only for a metrics:read token allowed every
 * app; its counters move with reads, denials and integrity failures; no label holds an
 * app id, key or token.
 */
class MetricsTests extends ApiTest {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)",
			Pattern.MULTILINE);

	private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-");

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theCountersMoveWithReadsDenialsAndIntegrityFailuresAndNoLabelNamesAnything() {
		Http scraper = http().as(token(List.of("metrics:read"), null));
		String before = scrape(scraper);

		String appId = createApp("metrics");
		String secretId = createSecret(appId, "METRICS_CANARY_KEY", "metrics-canary-value");
		for (int i = 0; i < 3; i++) {
			assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).status()).isEqualTo(200);
		}
		Http outsider = http().as(token(List.of("secrets:list"), appId));
		assertThat(outsider.get("/apps/" + appId + "/secrets/" + secretId).status()).isEqualTo(403);
		this.jdbc.update("UPDATE app_secrets SET sealed_value = set_byte(sealed_value, 20, "
				+ "get_byte(sealed_value, 20) # 1) WHERE id = ?::uuid", secretId);
		assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).status()).isEqualTo(500);
		String after = scrape(scraper);
		http().delete("/apps/" + appId);

		assertThat(value(after, "secrets_access_total", "kind=\"read\",outcome=\"success\""))
			.isGreaterThanOrEqualTo(value(before, "secrets_access_total", "kind=\"read\",outcome=\"success\"") + 3);
		assertThat(value(after, "secrets_access_total", "kind=\"read\",outcome=\"denied\""))
			.isGreaterThan(value(before, "secrets_access_total", "kind=\"read\",outcome=\"denied\""));
		assertThat(value(after, "secrets_access_total", "kind=\"write\",outcome=\"success\""))
			.isGreaterThan(value(before, "secrets_access_total", "kind=\"write\",outcome=\"success\""));
		assertThat(value(after, "secrets_integrity_alerts_total", ""))
			.isGreaterThan(value(before, "secrets_integrity_alerts_total", ""));
		assertThat(value(after, "secrets_audit_commit_seconds_count", ""))
			.isGreaterThan(value(before, "secrets_audit_commit_seconds_count", ""));
		assertThat(after).contains("secrets_audit_unsealed_events",
				"secrets_audit_unsealed_age_seconds{event=\"oldest\"}", "secrets_reencryption_pending",
				"http_server_requests_seconds_count", "hikaricp_connections_active");

		Matcher sample = SAMPLE.matcher(after);
		while (sample.find()) {
			String labels = (sample.group(2) != null) ? sample.group(2) : "";
			assertThat(labels).as(sample.group())
				.doesNotContainPattern(UUID_TEXT)
				.doesNotContain("sv_")
				.doesNotContain("METRICS_CANARY")
				.doesNotContain(appId);
		}
		assertThat(after).doesNotContain("metrics-canary-value");
	}

	@Test
	void onlyAMetricsReadTokenAllowedEveryAppMayScrape() {
		String appId = createApp("metrics-scope");
		assertThat(http().as(null).get("/actuator/prometheus").status()).isEqualTo(401);
		assertProblem(
				http().as(token(List.of("secrets:read", "audit:read", "apps:read"), null)).get("/actuator/prometheus"),
				403);
		assertProblem(http().as(token(List.of("metrics:read"), appId)).get("/actuator/prometheus"), 403);
		Http scraper = http().as(token(List.of("metrics:read"), null));
		Reply scrape = scraper.get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		// The scrape token opens nothing else, and no index of the actuator's endpoints.
		assertProblem(scraper.get("/apps"), 403);
		assertThat(scraper.get("/actuator").status()).isEqualTo(404);
		assertThat(scrape.body()).doesNotContain("disk_free_bytes");
		assertProblem(scraper.get("/apps/" + appId + "/secrets"), 403);
	}

	private String token(List<String> permissions, String appId) {
		Map<String, Object> body = (appId != null)
				? Map.of("name", "metrics", "permissions", permissions, "appIds", List.of(appId))
				: Map.of("name", "metrics", "permissions", permissions);
		Reply reply = http().post("/tokens", body);
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	private static String scrape(Http scraper) {
		Reply reply = scraper.get("/actuator/prometheus");
		assertThat(reply.status()).as(reply::brief).isEqualTo(200);
		return reply.body();
	}

	/** The sum of a metric's samples whose labels contain the text. */
	private static double value(String scrape, String name, String labels) {
		double sum = 0;
		Matcher sample = SAMPLE.matcher(scrape);
		while (sample.find()) {
			if (sample.group(1).equals(name) && (sample.group(2) == null ? "" : sample.group(2)).contains(labels)) {
				sum += Double.parseDouble(sample.group(3));
			}
		}
		return sum;
	}

}
