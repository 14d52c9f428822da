package dev.appsecrets.access;

import java.util.List;

import dev.appsecrets.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 4 of the attack: an app-scoped {@code audit:read} token read another app's
 * events. A scoped auditor sees its apps' events only, and the chain (which spans all
 * apps) only an unscoped one verifies.
 */
class AuditScopeTests extends AccessTest {

	@Test
	void aScopedAuditorSeesOnlyItsAppsEvents() {
		String mine = createApp("audit-mine");
		String theirs = createApp("audit-theirs");
		createSecret(mine, "MINE", "v");
		createSecret(theirs, "THEIRS", "v");
		issue(List.of("apps:read"), null);
		Http auditor = holding(List.of("audit:read"), List.of(mine));

		assertProblem(auditor.get("/audit-events?appId=" + theirs), 403);
		assertProblem(auditor.get("/audit-events?appId=" + theirs + "&action=secret.create"), 403);

		JsonNode page = auditor.get("/audit-events?limit=500").json();
		assertThat(page.get("events")).isNotEmpty();
		page.get("events").forEach((event) -> {
			assertThat(event.has("appId")).as(event.toString()).isTrue();
			assertThat(event.get("appId").asString()).isEqualTo(mine);
		});
		assertThat(page.toString()).doesNotContain(theirs).doesNotContain("token.create");
		JsonNode filtered = auditor.get("/audit-events?appId=" + mine + "&action=secret.create").json();
		assertThat(filtered.get("events")).hasSize(1);
		assertThat(auditor.get("/audit-events?action=token.create").json().get("events")).isEmpty();
	}

	@Test
	void onlyAnUnscopedAuditorVerifiesTheChain() {
		String mine = createApp("verify-mine");

		assertProblem(holding(List.of("audit:read"), List.of(mine)).get("/audit-events/verify"), 403);
		assertProblem(holding(List.of("audit:read"), List.of()).get("/audit-events/verify"), 403);
		assertThat(holding(List.of("audit:read"), null).get("/audit-events/verify").status()).isEqualTo(200);
	}

	@Test
	void anAuditorLimitedToNoAppSeesNothing() {
		createApp("audit-none");

		JsonNode page = holding(List.of("audit:read"), List.of()).get("/audit-events").json();

		assertThat(page.get("events")).isEmpty();
	}

}
