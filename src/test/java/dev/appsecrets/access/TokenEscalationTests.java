package dev.appsecrets.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import dev.appsecrets.caller.Permission;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 3 of the attack: an admin token limited to one app issued itself an unscoped
 * token with every permission, issued a token for another app and revoked an unscoped
 * token. A token can grant only what its issuer holds, and a scoped caller reaches only
 * tokens within its apps.
 */
class TokenEscalationTests extends AccessTest {

	private static final List<String> ALL = List.of("apps:read", "apps:write", "secrets:list", "secrets:read",
			"secrets:write", "audit:read", "admin");

	@Test
	void aScopedAdminCannotWidenItselfInAnyWay() {
		String mine = createApp("escalation-mine");
		String theirs = createApp("escalation-theirs");
		createSecret(theirs, "THEIRS", "their-value");
		Http scopedAdmin = http()
			.as(stored(EnumSet.of(Permission.ADMIN, Permission.SECRETS_READ, Permission.SECRETS_WRITE),
					List.of(mine))[0]);

		assertProblem(scopedAdmin.post("/tokens", tokenBody(ALL, null)), 403);
		assertProblem(scopedAdmin.post("/tokens", tokenBody(List.of("secrets:read"), null)), 403);
		assertProblem(scopedAdmin.post("/tokens", tokenBody(List.of("secrets:read"), List.of(theirs))), 403);
		assertProblem(scopedAdmin.post("/tokens", tokenBody(List.of("secrets:read"), List.of(mine, theirs))), 403);
		assertProblem(scopedAdmin.post("/tokens", tokenBody(List.of("apps:read"), List.of(mine))), 403);
		assertProblem(scopedAdmin.post("/tokens", tokenBody(List.of("admin"), List.of(mine))), 400);
		assertProblem(scopedAdmin.post("/admin/encryption/rotate", null), 403);
		assertProblem(scopedAdmin.get("/admin/encryption/status"), 403);

		Reply narrower = scopedAdmin.post("/tokens", tokenBody(List.of("secrets:read"), List.of(mine)));
		assertThat(narrower.status()).as(narrower::brief).isEqualTo(201);
		assertThat(narrower.json().get("appIds").toString()).contains(mine).doesNotContain(theirs);
		Http issued = http().as(narrower.json().get("token").asString());
		assertProblem(issued.get("/apps/" + theirs + "/secrets"), 403);
		assertThat(issued.get("/apps/" + mine + "/secrets").status()).isEqualTo(200);
	}

	@Test
	void aScopedAdminSeesAndRevokesOnlyTokensWithinItsApps() {
		String mine = createApp("reach-mine");
		String theirs = createApp("reach-theirs");
		Http scopedAdmin = http().as(stored(EnumSet.of(Permission.ADMIN), List.of(mine))[0]);
		JsonNode unscoped = issue(List.of("apps:read"), null);
		JsonNode ofTheirs = issue(List.of("secrets:read"), List.of(theirs));
		JsonNode ofBoth = issue(List.of("secrets:read"), List.of(mine, theirs));
		JsonNode ofMine = issue(List.of("secrets:read"), List.of(mine));

		String listed = scopedAdmin.get("/tokens").body();
		assertThat(listed).contains(ofMine.get("id").asString())
			.doesNotContain(unscoped.get("id").asString())
			.doesNotContain(ofTheirs.get("id").asString())
			.doesNotContain(ofBoth.get("id").asString());
		for (JsonNode outOfReach : List.of(unscoped, ofTheirs, ofBoth)) {
			assertProblem(scopedAdmin.delete("/tokens/" + outOfReach.get("id").asString()), 403);
			assertThat(http().as(outOfReach.get("token").asString()).get("/apps").status()).isIn(200, 403);
			assertThat(http().as(outOfReach.get("token").asString()).get("/apps").status()).isNotEqualTo(401);
		}
		assertThat(scopedAdmin.delete("/tokens/" + ofMine.get("id").asString()).status()).isEqualTo(204);
		assertProblem(http().as(ofMine.get("token").asString()).get("/apps/" + mine + "/secrets"), 401);
	}

	@Test
	void anUnscopedTokenGrantsOnlyThePermissionsItHolds() {
		String appId = createApp("permissions-subset");
		Http adminOnly = holding(List.of("admin"), null);
		Http adminAndList = holding(List.of("admin", "secrets:list"), null);

		for (String permission : ALL) {
			Reply reply = adminOnly.post("/tokens", tokenBody(List.of(permission), null));
			assertThat(reply.status()).as(permission + " " + reply.brief())
				.isEqualTo(permission.equals("admin") ? 201 : 403);
		}
		assertProblem(adminAndList.post("/tokens", tokenBody(List.of("secrets:list", "secrets:read"), null)), 403);
		assertThat(adminAndList.post("/tokens", tokenBody(List.of("secrets:list"), List.of(appId))).status())
			.isEqualTo(201);
	}

	@Test
	void anAdminTokenLimitedToAppsIsRefusedWith400EvenForTheBootstrapAdmin() {
		String appId = createApp("admin-with-apps");
		int before = http().get("/tokens").json().get("tokens").size();

		JsonNode problem = assertProblem(http().post("/tokens", tokenBody(List.of("admin"), List.of(appId))), 400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("appIds");
		assertProblem(http().post("/tokens", tokenBody(List.of("admin", "secrets:read"), List.of())), 400);
		assertThat(http().get("/tokens").json().get("tokens").size()).isEqualTo(before);
	}

	@Test
	void aRefusedIssueIsAuditedAsADeniedTokenCreation() {
		Http adminOnly = holding(List.of("admin"), null);

		Reply refused = adminOnly.send("POST", "/tokens", "application/json", tokenBody(List.of("secrets:read"), null),
				Map.of("X-Request-Id", "escalation-attempt-1"));

		assertProblem(refused, 403);
		JsonNode events = http().get("/audit-events?requestId=escalation-attempt-1").json().get("events");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("action").asString()).isEqualTo("token.create");
		assertThat(events.get(0).get("outcome").asString()).isEqualTo("denied");
	}

}
