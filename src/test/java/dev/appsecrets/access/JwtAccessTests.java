package dev.appsecrets.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs for the frontend, with a locally generated key pair whose public half a loopback
 * JWKS endpoint serves (no identity provider needed); and CORS for the frontend's origin.
 */
@TestPropertySource(properties = { "spring.security.oauth2.resourceserver.jwt.audiences=app-secrets-vault",
		"secrets.cors-allowed-origins=https://frontend.example" })
class JwtAccessTests extends ApiTest {

	private static final RSAKey signingKey = rsaKey("key-1");

	private static final HttpServer jwks = serveJwks();

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
		// Rate limits on, with a small value-read budget, for the JWT caller's budget.
		registry.add("secrets.rate-limit.enabled", () -> "true");
		registry.add("secrets.rate-limit.value-reads.capacity", () -> "5");
		registry.add("secrets.rate-limit.value-reads.period", () -> "1h");
		registry.add("secrets.rate-limit.failed-auth.capacity", () -> "1000");
	}

	@AfterAll
	static void stopJwks() {
		jwks.stop(0);
	}

	@Test
	void aValidJwtIsAcceptedWithThePermissionsOfItsClaim() {
		String appId = createApp("jwt");
		String secretId = createSecret(appId, "JWT", "jwt-value");
		Http frontend = http().as(jwt(signingKey, "app-secrets-vault", Instant.now().plusSeconds(300),
				List.of("apps:read", "secrets:read"), null));

		assertThat(frontend.get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString())
			.isEqualTo("jwt-value");
		assertProblem(frontend.post("/apps", Map.of("name", "not-allowed")), 403);
		assertProblem(frontend.delete("/apps/" + appId + "/secrets/" + secretId), 403);
	}

	@Test
	void theAppIdsClaimLimitsAJwtToItsApps() {
		String mine = createApp("jwt-mine");
		String theirs = createApp("jwt-theirs");
		Http frontend = http().as(jwt(signingKey, "app-secrets-vault", Instant.now().plusSeconds(300),
				List.of("apps:read", "secrets:list"), List.of(mine)));

		assertThat(frontend.get("/apps/" + mine + "/secrets").status()).isEqualTo(200);
		assertProblem(frontend.get("/apps/" + theirs + "/secrets"), 403);
	}

	@Test
	void aJwtLimitedToAppsCanNeitherWidenItselfNorReachOtherAppsTokensOrEvents() {
		String mine = createApp("jwt-admin-mine");
		String theirs = createApp("jwt-admin-theirs");
		Http scopedAdmin = http().as(jwt(signingKey, "app-secrets-vault", Instant.now().plusSeconds(300),
				List.of("admin", "secrets:read", "audit:read"), List.of(mine)));
		Reply unscoped = http().post("/tokens", Map.of("name", "unscoped", "permissions", List.of("apps:read")));

		assertProblem(scopedAdmin.post("/tokens", Map.of("name", "wide", "permissions", List.of("secrets:read"))), 403);
		assertProblem(
				scopedAdmin.post("/tokens",
						Map.of("name", "other", "permissions", List.of("secrets:read"), "appIds", List.of(theirs))),
				403);
		assertProblem(scopedAdmin.delete("/tokens/" + unscoped.id()), 403);
		assertThat(scopedAdmin.get("/tokens").body()).doesNotContain(unscoped.id());
		assertProblem(scopedAdmin.get("/audit-events?appId=" + theirs), 403);
		assertProblem(scopedAdmin.get("/audit-events/verify"), 403);
		assertProblem(scopedAdmin.post("/admin/encryption/rotate", null), 403);
		Reply narrower = scopedAdmin.post("/tokens",
				Map.of("name", "narrower", "permissions", List.of("secrets:read"), "appIds", List.of(mine)));
		assertThat(narrower.status()).as(narrower::brief).isEqualTo(201);
	}

	@Test
	void expiredWronglySignedAndWrongAudienceJwtsAnswer401() {
		List<String> permissions = List.of("apps:read");
		Instant soon = Instant.now().plusSeconds(300);
		String expired = jwt(signingKey, "app-secrets-vault", Instant.now().minusSeconds(600), permissions, null);
		String forged = jwt(rsaKey("key-1"), "app-secrets-vault", soon, permissions, null);
		String otherAudience = jwt(signingKey, "another-service", soon, permissions, null);

		for (String token : List.of(expired, forged, otherAudience, "not.a.jwt")) {
			Reply reply = http().as(token).get("/apps");
			assertProblem(reply, 401);
			assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
		}
		assertThat(http().as(jwt(signingKey, "app-secrets-vault", soon, permissions, null)).get("/apps").status())
			.isEqualTo(200);
	}

	@Test
	void aJwtDrawsOnItsSubjectsBudgetAndForgedOnesNamingThatSubjectDrawNothing() {
		String appId = createApp("jwt-budget");
		String secretId = createSecret(appId, "JWT", "jwt-budget-value");
		String path = "/apps/" + appId + "/secrets/" + secretId;
		String subject = "victim-" + java.util.UUID.randomUUID();
		Instant soon = Instant.now().plusSeconds(300);
		String forged = jwt(subject, rsaKey("key-1"), "app-secrets-vault", soon, List.of("secrets:read"), null);

		for (int i = 0; i < 20; i++) {
			assertProblem(http().as(forged).get(path), 401);
		}
		Http victim = http().as(jwt(subject, signingKey, "app-secrets-vault", soon, List.of("secrets:read"), null));
		Reply first = victim.get(path);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit")).startsWith("\"value-reads\";r=4;");
		// Another JWT of the same subject shares its budget.
		Http sameSubject = http()
			.as(jwt(subject, signingKey, "app-secrets-vault", soon.plusSeconds(1), List.of("secrets:read"), null));
		for (int i = 0; i < 4; i++) {
			assertThat(sameSubject.get(path).status()).isEqualTo(200);
		}
		assertProblem(victim.get(path), 429);
	}

	@Test
	void apiTokensKeepWorkingBesideJwts() {
		assertThat(http().get("/apps").status()).isEqualTo(200);
	}

	@Test
	void theFrontendsOriginMayCallAcrossOriginsAndNoOtherMay() {
		Map<String, String> preflight = Map.of("Access-Control-Request-Method", "GET", "Access-Control-Request-Headers",
				"authorization");

		Reply allowed = http().as(null)
			.send("OPTIONS", "/apps", null, null, merge(preflight, "Origin", "https://frontend.example"));
		Reply refused = http().as(null)
			.send("OPTIONS", "/apps", null, null, merge(preflight, "Origin", "https://evil.example"));

		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://frontend.example");
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
		assertProblem(refused, 403);
		Reply actual = http().send("GET", "/apps", null, null, Map.of("Origin", "https://frontend.example"));
		assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://frontend.example");
		assertThat(actual.header("Access-Control-Expose-Headers")).contains("ETag", "X-Request-Id");
	}

	private static Map<String, String> merge(Map<String, String> headers, String name, String value) {
		Map<String, String> merged = new java.util.HashMap<>(headers);
		merged.put(name, value);
		return merged;
	}

	private static String jwt(RSAKey key, String audience, Instant expiresAt, List<String> permissions,
			List<String> appIds) {
		return jwt("alice@example.com", key, audience, expiresAt, permissions, appIds);
	}

	private static String jwt(String subject, RSAKey key, String audience, Instant expiresAt, List<String> permissions,
			List<String> appIds) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.audience(audience)
			.issueTime(Date.from(Instant.now().minusSeconds(900)))
			.expirationTime(Date.from(expiresAt))
			.claim("permissions", permissions);
		if (appIds != null) {
			claims.claim("app_ids", appIds);
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsaKey(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer serveJwks() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
