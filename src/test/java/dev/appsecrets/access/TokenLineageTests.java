package dev.appsecrets.access;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by attacking the fix for issue 9: a token issued by an expiring or revoked token
 * outlived it. A token grants no more than its issuer holds, in time too.
 */
class TokenLineageTests extends AccessTest {

	@Test
	void revokingATokenRevokesEveryTokenIssuedUnderIt() {
		String appId = createApp("lineage");
		JsonNode parent = issue(List.of("admin", "secrets:read"), null);
		Http parentHolder = http().as(parent.get("token").asString());
		Reply child = parentHolder.post("/tokens", tokenBody(List.of("admin", "secrets:read"), null));
		Reply grandchild = http().as(child.json().get("token").asString())
			.post("/tokens", tokenBody(List.of("secrets:read"), List.of(appId)));
		JsonNode sibling = issue(List.of("secrets:read"), null);
		assertThat(grandchild.status()).as(grandchild::brief).isEqualTo(201);

		assertThat(http().delete("/tokens/" + parent.get("id").asString()).status()).isEqualTo(204);

		for (Reply issued : List.of(child, grandchild)) {
			assertProblem(http().as(issued.json().get("token").asString()).get("/apps/" + appId + "/secrets"), 401);
		}
		assertProblem(parentHolder.get("/apps"), 401);
		assertThat(http().as(sibling.get("token").asString()).get("/apps/" + appId + "/secrets").status())
			.isEqualTo(200);
	}

	@Test
	void aTokenThatARevocationMissedIsRefusedBecauseAnIssuerAboveItIsRevoked() {
		String appId = createApp("lineage-missed");
		JsonNode parent = issue(List.of("admin", "secrets:read"), null);
		String[] child = stored(java.util.EnumSet.of(dev.appsecrets.caller.Permission.ADMIN,
				dev.appsecrets.caller.Permission.SECRETS_READ), null, parent.get("id").asString());
		assertThat(http().delete("/tokens/" + parent.get("id").asString()).status()).isEqualTo(204);

		// As if issued by the child while the revocation ran, and so not marked by it.
		String[] missed = stored(java.util.EnumSet.of(dev.appsecrets.caller.Permission.SECRETS_READ), null, child[1]);

		assertProblem(http().as(missed[0]).get("/apps/" + appId + "/secrets"), 401);
		assertProblem(http().as(child[0]).get("/apps/" + appId + "/secrets"), 401);
	}

	@Test
	void tokensIssuedWhileAnAncestorIsBeingRevokedDieWithIt() throws Exception {
		String appId = createApp("lineage-race");
		createSecret(appId, "RACE", "race-value");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			for (int round = 0; round < 5; round++) {
				JsonNode parent = issue(List.of("admin", "secrets:read"), null);
				Reply child = http().as(parent.get("token").asString())
					.post("/tokens", tokenBody(List.of("admin", "secrets:read"), null));
				Http childHolder = http().as(child.json().get("token").asString());
				List<java.util.concurrent.Future<Reply>> issued = new java.util.ArrayList<>();
				for (int i = 0; i < 5; i++) {
					issued
						.add(pool.submit(() -> childHolder.post("/tokens", tokenBody(List.of("secrets:read"), null))));
				}
				assertThat(http().delete("/tokens/" + parent.get("id").asString()).status()).isEqualTo(204);
				for (java.util.concurrent.Future<Reply> future : issued) {
					Reply reply = future.get(30, java.util.concurrent.TimeUnit.SECONDS);
					if (reply.status() == 201) {
						assertProblem(
								http().as(reply.json().get("token").asString()).get("/apps/" + appId + "/secrets"),
								401);
					}
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aTokenIssuedByAnExpiringTokenMayNotOutliveIt() {
		Instant limit = Instant.now().plusSeconds(600);
		Map<String, Object> body = tokenBody(List.of("admin", "apps:read"), null);
		body.put("expiresAt", limit.toString());
		Reply reply = http().post("/tokens", body);
		Http expiring = http().as(reply.json().get("token").asString());

		JsonNode forever = assertProblem(expiring.post("/tokens", tokenBody(List.of("apps:read"), null)), 403);
		assertThat(forever.get("detail").asString()).contains("outlive");
		assertProblem(expiring.post("/tokens", expiring(List.of("apps:read"), limit.plusSeconds(1))), 403);
		assertThat(expiring.post("/tokens", expiring(List.of("apps:read"), limit.minusSeconds(60))).status())
			.isEqualTo(201);
		assertThat(expiring.post("/tokens", expiring(List.of("apps:read"), limit)).status()).isEqualTo(201);
	}

	@Test
	void aMisspelledOrUnknownFieldOfATokenRequestIsRefusedNotDropped() {
		String appId = createApp("misspelled");
		int before = http().get("/tokens").json().get("tokens").size();

		for (String field : List.of("app_ids", "appids", "AppIds", "scope")) {
			Map<String, Object> body = tokenBody(List.of("secrets:read"), null);
			body.put(field, List.of(appId));
			JsonNode problem = assertProblem(http().post("/tokens", body), 400);
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		}
		for (String spelling : List.of(appId.toUpperCase(), " " + appId, "{" + appId + "}")) {
			JsonNode problem = assertProblem(
					http().post("/tokens", tokenBody(List.of("secrets:read"), List.of(spelling))), 400);
			assertThat(problem.get("errors").get(0).get("field").asString()).startsWith("appIds");
		}
		assertThat(http().get("/tokens").json().get("tokens").size()).isEqualTo(before);
	}

	private static Map<String, Object> expiring(List<String> permissions, Instant expiresAt) {
		Map<String, Object> body = new HashMap<>(tokenBody(permissions, null));
		body.put("expiresAt", expiresAt.toString());
		return body;
	}

}
