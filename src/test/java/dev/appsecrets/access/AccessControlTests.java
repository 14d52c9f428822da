package dev.appsecrets.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.appsecrets.caller.Permission;
import dev.appsecrets.ApiTest;
import dev.appsecrets.DatabaseDump;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, over real HTTP: every endpoint refuses a missing token (401) and a
 * token without its permission (403); app-scoped tokens stay inside their apps.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessControlTests extends ApiTest {

	@Autowired
	private DataSource dataSource;

	/**
	 * One endpoint: method, path, body, and the permissions any one of which lets a
	 * caller in.
	 */
	private record Endpoint(String method, String path, Object body, Permission... permissions) {
	}

	private List<Endpoint> endpoints(String appId, String secretId) {
		String secrets = "/apps/" + appId + "/secrets";
		Map<String, Object> secretBody = Map.of("key", "NEW_KEY", "value", "v");
		Map<String, Object> tokenBody = Map.of("name", "t", "permissions", List.of("apps:read"));
		return List.of(new Endpoint("GET", "/apps", null, Permission.APPS_READ),
				new Endpoint("POST", "/apps", Map.of("name", "x"), Permission.APPS_WRITE),
				new Endpoint("GET", "/apps/" + appId, null, Permission.APPS_READ),
				new Endpoint("PATCH", "/apps/" + appId, Map.of("name", "x"), Permission.APPS_WRITE),
				new Endpoint("DELETE", "/apps/" + appId, null, Permission.APPS_WRITE),
				new Endpoint("GET", secrets, null, Permission.SECRETS_LIST, Permission.SECRETS_READ),
				new Endpoint("POST", secrets, secretBody, Permission.SECRETS_WRITE),
				new Endpoint("GET", secrets + "/" + secretId, null, Permission.SECRETS_READ),
				new Endpoint("PATCH", secrets + "/" + secretId, Map.of("value", "changed"), Permission.SECRETS_WRITE),
				new Endpoint("PUT", secrets + "/" + secretId, Map.of("value", "changed"), Permission.SECRETS_WRITE),
				new Endpoint("DELETE", secrets + "/" + secretId, null, Permission.SECRETS_WRITE),
				new Endpoint("GET", secrets + "/deleted", null, Permission.SECRETS_LIST, Permission.SECRETS_READ),
				new Endpoint("POST", secrets + "/" + secretId + "/undelete", null, Permission.SECRETS_WRITE),
				new Endpoint("GET", secrets + "/" + secretId + "/versions", null, Permission.SECRETS_LIST,
						Permission.SECRETS_READ),
				new Endpoint("GET", secrets + "/" + secretId + "/versions/1", null, Permission.SECRETS_READ),
				new Endpoint("POST", secrets + "/" + secretId + "/versions/1/restore", null, Permission.SECRETS_WRITE),
				new Endpoint("POST", secrets + "/" + secretId + "/rotate", null, Permission.SECRETS_WRITE),
				new Endpoint("POST", "/tokens", tokenBody, Permission.ADMIN),
				new Endpoint("GET", "/tokens", null, Permission.ADMIN),
				new Endpoint("DELETE", "/tokens/" + UUID.randomUUID(), null, Permission.ADMIN),
				new Endpoint("POST", "/admin/encryption/rotate", null, Permission.ADMIN),
				new Endpoint("GET", "/admin/encryption/status", null, Permission.ADMIN),
				new Endpoint("GET", "/audit-events", null, Permission.AUDIT_READ),
				new Endpoint("GET", "/audit-events/verify", null, Permission.AUDIT_READ));
	}

	@Test
	void everyEndpointAnswers401WithoutATokenAnd403WithoutItsPermission() {
		String appId = createApp("guarded");
		String secretId = createSecret(appId, "GUARDED", "guarded-value");
		String before = http().get("/admin/encryption/status").json().get("activeDataKeyId").asString();

		for (Endpoint endpoint : endpoints(appId, secretId)) {
			Reply anonymous = send(http().as(null), endpoint);
			assertProblem(anonymous, 401);
			assertThat(anonymous.header("WWW-Authenticate")).as(endpoint.path()).startsWith("Bearer");

			List<String> others = Arrays.stream(Permission.values())
				.filter((permission) -> !Arrays.asList(endpoint.permissions()).contains(permission))
				.map(Permission::value)
				.toList();
			Reply forbidden = send(http().as(token(others, null)), endpoint);
			assertThat(forbidden.status()).as("%s %s: %s", endpoint.method(), endpoint.path(), forbidden.brief())
				.isEqualTo(403);
			assertProblem(forbidden, 403);
		}

		assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString())
			.isEqualTo("guarded-value");
		assertThat(http().get("/admin/encryption/status").json().get("activeDataKeyId").asString()).isEqualTo(before);
	}

	@Test
	void aTokenWithThePermissionIsLetIn() {
		String appId = createApp("allowed");
		String secretId = createSecret(appId, "ALLOWED", "allowed-value");
		Http reader = http().as(token(List.of("secrets:read"), List.of(appId)));
		Http writer = http().as(token(List.of("secrets:write"), List.of(appId)));

		assertThat(reader.get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString())
			.isEqualTo("allowed-value");
		assertThat(writer.patch("/apps/" + appId + "/secrets/" + secretId, Map.of("value", "new")).status())
			.isEqualTo(200);
		assertThat(reader.get("/apps/" + appId + "/secrets").json().get("secrets").get(0).get("value").asString())
			.isEqualTo("new");
	}

	@Test
	void anAppScopedTokenCanNeitherReadNorListNorChangeAnotherAppsSecrets() {
		String mine = createApp("mine");
		String theirs = createApp("theirs");
		String mySecret = createSecret(mine, "MINE", "my-value");
		String theirSecret = createSecret(theirs, "THEIRS", "their-value");
		Http scoped = http().as(token(
				List.of("apps:read", "apps:write", "secrets:list", "secrets:read", "secrets:write"), List.of(mine)));
		String theirPath = "/apps/" + theirs + "/secrets";

		assertProblem(scoped.get(theirPath), 403);
		assertProblem(scoped.get(theirPath + "/" + theirSecret), 403);
		assertProblem(scoped.post(theirPath, Map.of("key", "INTRUDER", "value", "x")), 403);
		assertProblem(scoped.patch(theirPath + "/" + theirSecret, Map.of("value", "stolen")), 403);
		assertProblem(scoped.put(theirPath + "/" + theirSecret, Map.of("value", "stolen")), 403);
		assertProblem(scoped.delete(theirPath + "/" + theirSecret), 403);
		assertProblem(scoped.get("/apps/" + theirs), 403);
		assertProblem(scoped.patch("/apps/" + theirs, Map.of("name", "taken")), 403);
		assertProblem(scoped.delete("/apps/" + theirs), 403);
		assertProblem(scoped.post("/apps", Map.of("name", "new")), 403);

		String guessed = "/apps/" + mine + "/secrets/" + theirSecret;
		assertProblem(scoped.get(guessed), 404);
		assertProblem(scoped.patch(guessed, Map.of("value", "stolen")), 404);
		assertProblem(scoped.delete(guessed), 404);

		JsonNode listed = scoped.get("/apps?limit=500").json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(listed.get("apps").get(0).get("id").asString()).isEqualTo(mine);
		assertThat(scoped.get("/apps/" + mine + "/secrets/" + mySecret).json().get("value").asString())
			.isEqualTo("my-value");
		JsonNode their = http().get(theirPath + "/" + theirSecret).json();
		assertThat(their.get("value").asString()).isEqualTo("their-value");
		assertThat(their.get("key").asString()).isEqualTo("THEIRS");
		assertThat(http().get(theirPath).json().get("secrets").size()).isEqualTo(1);
	}

	@Test
	void aListOnlyTokenSeesNamesButNoValue() {
		String appId = createApp("names-only");
		String secretId = createSecret(appId, "NAME_ONLY", "hidden-value");
		Http lister = http().as(token(List.of("secrets:list"), null));

		Reply list = lister.get("/apps/" + appId + "/secrets");

		assertThat(list.status()).isEqualTo(200);
		JsonNode secret = list.json().get("secrets").get(0);
		assertThat(secret.get("key").asString()).isEqualTo("NAME_ONLY");
		assertThat(secret.get("id").asString()).isEqualTo(secretId);
		assertThat(secret.has("value")).isFalse();
		assertThat(list.body()).doesNotContain("hidden-value");
		assertProblem(lister.get("/apps/" + appId + "/secrets/" + secretId), 403);
	}

	@Test
	void anyCallerMayAskForNamesOnly() {
		String appId = createApp("values-false");
		createSecret(appId, "K", "not-wanted");

		Reply reply = http().get("/apps/" + appId + "/secrets?values=false");

		assertThat(reply.json().get("secrets").get(0).has("value")).isFalse();
		assertThat(reply.body()).doesNotContain("not-wanted");
		assertThat(http().get("/apps/" + appId + "/secrets").json().get("secrets").get(0).get("value").asString())
			.isEqualTo("not-wanted");
	}

	@Test
	void aRevokedTokenIsRefusedFromTheNextRequestOnLikeAGuessedOne() {
		JsonNode created = createToken(List.of("apps:read"), null, null);
		Http holder = http().as(created.get("token").asString());
		assertThat(holder.get("/apps").status()).isEqualTo(200);

		assertThat(http().delete("/tokens/" + created.get("id").asString()).status()).isEqualTo(204);

		Reply revoked = holder.get("/apps");
		Reply guessed = http().as("sv_" + "A".repeat(43)).get("/apps");
		assertProblem(revoked, 401);
		assertThat(revoked.body()).isEqualTo(guessed.body());
		assertThat(revoked.header("WWW-Authenticate")).isEqualTo(guessed.header("WWW-Authenticate"));
		assertThat(tokenMetadata(created.get("id").asString()).get("revoked").asBoolean()).isTrue();
		assertProblem(http().delete("/tokens/" + UUID.randomUUID()), 404);
	}

	@Test
	void anExpiredTokenIsRefused() throws InterruptedException {
		Instant expiresAt = Instant.now().plusSeconds(2);
		JsonNode created = createToken(List.of("apps:read"), null, expiresAt.toString());
		Http holder = http().as(created.get("token").asString());
		assertThat(holder.get("/apps").status()).isEqualTo(200);

		Thread.sleep(java.time.Duration.between(Instant.now(), expiresAt).toMillis() + 100);

		assertProblem(holder.get("/apps"), 401);
	}

	@Test
	void tokensAreShownOnceAndAppearNeitherInTheDatabaseNorInLogsNorInTheList(CapturedOutput output) {
		JsonNode created = createToken(List.of("apps:read", "secrets:list"), null, null);
		String token = created.get("token").asString();
		http().as(token).get("/apps");

		assertThat(token).startsWith("sv_").hasSizeGreaterThanOrEqualTo(3 + 43);
		assertThat(created.get("permissions").toString()).contains("apps:read", "secrets:list");
		JsonNode listed = tokenMetadata(created.get("id").asString());
		assertThat(listed.has("token")).isFalse();
		assertThat(listed.get("lastUsedAt").asString()).isNotEmpty();
		assertThat(http().get("/tokens").body()).doesNotContain(token).doesNotContain(token.substring(3));
		String dump = DatabaseDump.of(this.dataSource);
		for (String form : DatabaseDump.plainForms(token)) {
			assertThat(dump).doesNotContain(form);
		}
		assertThat(output.getAll()).doesNotContain(token).doesNotContain(dev.appsecrets.TestDatabase.ADMIN_TOKEN);
	}

	@Test
	void invalidTokenRequestsAnswer400NamingTheField() {
		assertThat(field(http().post("/tokens", Map.of("name", "t", "permissions", List.of("root")))))
			.startsWith("permissions");
		assertThat(field(http().post("/tokens", Map.of("name", "t", "permissions", List.of()))))
			.isEqualTo("permissions");
		assertThat(field(http().post("/tokens", Map.of("permissions", List.of("apps:read"))))).isEqualTo("name");
		assertThat(field(http().post("/tokens", Map.of("name", "t", "permissions", List.of("apps:read"), "appIds",
				List.of(UUID.randomUUID().toString())))))
			.isEqualTo("appIds");
		assertThat(field(http().post("/tokens",
				Map.of("name", "t", "permissions", List.of("apps:read"), "expiresAt", "2001-01-01T00:00:00Z"))))
			.isEqualTo("expiresAt");
	}

	@Test
	void healthAndTheApiDocumentNeedNoToken() {
		Http anonymous = http().as(null);

		assertThat(anonymous.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
		JsonNode doc = anonymous.get("/v3/api-docs").json();
		assertThat(doc.get("components").get("securitySchemes").get("bearerAuth").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(doc.get("paths").get("/apps").get("get").get("responses").has("401")).isTrue();
	}

	@Test
	void theServicesAddressLandsOnAPageThatLeadsToTheApiDocsAndProbes() {
		Reply landing = http().as(null).get("/");
		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.header("Content-Type")).startsWith("text/html");
		assertThat(landing.body()).contains("href=\"swagger-ui/index.html\"", "href=\"v3/api-docs\"",
				"href=\"actuator/health/readiness\"");
		// A token sent there is not looked up: the page is public, like the docs.
		assertThat(http().as("sv_not-a-token").get("/").status()).isEqualTo(200);
	}

	@Test
	void noCrossOriginCallerIsAllowedByDefault() {
		Reply preflight = http().as(null)
			.send("OPTIONS", "/apps", null, null,
					Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));

		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		// Not a preflight at all without configured origins: an OPTIONS without a token.
		assertProblem(preflight, 401);
	}

	private Reply send(Http http, Endpoint endpoint) {
		return http.send(endpoint.method(), endpoint.path(), (endpoint.body() != null) ? "application/json" : null,
				(endpoint.body() != null) ? endpoint.body() : null);
	}

	private String token(List<String> permissions, List<String> appIds) {
		return createToken(permissions, appIds, null).get("token").asString();
	}

	private JsonNode createToken(List<String> permissions, List<String> appIds, String expiresAt) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "test token");
		body.put("permissions", permissions);
		if (appIds != null) {
			body.put("appIds", appIds);
		}
		if (expiresAt != null) {
			body.put("expiresAt", expiresAt);
		}
		Reply reply = http().post("/tokens", body);
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.json();
	}

	private JsonNode tokenMetadata(String id) {
		List<JsonNode> matching = new ArrayList<>();
		http().get("/tokens").json().get("tokens").forEach((token) -> {
			if (token.get("id").asString().equals(id)) {
				matching.add(token);
			}
		});
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private static String field(Reply reply) {
		return assertProblem(reply, 400).get("errors").get(0).get("field").asString();
	}

}
