package dev.appsecrets.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import dev.appsecrets.caller.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the seven permissions, alone, unscoped and limited to the app, on every route:
 * the answer is exactly what the README's permission table says. The table below is
 * written from the README, not from the code's route table, so the two check each other.
 */
class PermissionMatrixTests extends AccessTest {

	/** What the README says a token limited to apps may do on a route. */
	private enum Limited {

		/** "only its apps": the app in the path must be one of them. */
		ONLY_ITS_APPS,
		/** "narrowed to its apps": let in, the answer covers its apps only. */
		NARROWED,
		/** "refused": only callers allowed every app. */
		REFUSED

	}

	/** The things one row's request names. */
	private record Fixture(String app, String secret, String deleted, String token, String permission, boolean scoped) {
	}

	private record Row(String method, String path, Function<Fixture, Object> body, int success, Limited limited,
			Set<String> anyOf) {

		String path(Fixture fixture) {
			return this.path.replace("{app}", fixture.app())
				.replace("{secret}", fixture.secret())
				.replace("{deleted}", fixture.deleted())
				.replace("{token}", fixture.token());
		}

	}

	private static Row row(String method, String path, int success, Limited limited, String... anyOf) {
		return new Row(method, path, (fixture) -> null, success, limited, Set.of(anyOf));
	}

	private static Row row(String method, String path, Function<Fixture, Object> body, int success, Limited limited,
			String... anyOf) {
		return new Row(method, path, body, success, limited, Set.of(anyOf));
	}

	private static final String SECRET = "/apps/{app}/secrets/{secret}";

	/** The README's permission table, in an order that keeps what later rows need. */
	private static final List<Row> TABLE = List.of(row("GET", "/apps", 200, Limited.NARROWED, "apps:read"),
			row("GET", "/apps/{app}", 200, Limited.ONLY_ITS_APPS, "apps:read"),
			row("GET", "/apps/{app}/secrets", 200, Limited.ONLY_ITS_APPS, "secrets:list", "secrets:read"),
			row("GET", "/apps/{app}/secrets/deleted", 200, Limited.ONLY_ITS_APPS, "secrets:list", "secrets:read"),
			row("GET", SECRET, 200, Limited.ONLY_ITS_APPS, "secrets:read"),
			row("GET", SECRET + "/versions", 200, Limited.ONLY_ITS_APPS, "secrets:list", "secrets:read"),
			row("GET", SECRET + "/versions/1", 200, Limited.ONLY_ITS_APPS, "secrets:read"),
			row("GET", "/apps/{app}/secrets/export", 200, Limited.ONLY_ITS_APPS, "secrets:read"),
			row("GET", "/apps/{app}/secrets/by-key/MATRIX", 200, Limited.ONLY_ITS_APPS, "secrets:read"),
			row("GET", "/apps/{app}/secrets/by-key/versions", 200, Limited.ONLY_ITS_APPS, "secrets:read"),
			row("GET", "/config/{app}/default", 200, Limited.NARROWED, "secrets:read"),
			row("GET", "/config/{app}/default/main", 200, Limited.NARROWED, "secrets:read"),
			row("GET", "/tokens", 200, Limited.NARROWED, "admin"),
			row("GET", "/admin/encryption/status", 200, Limited.REFUSED, "admin"),
			row("GET", "/audit-events", 200, Limited.NARROWED, "audit:read"),
			row("GET", "/audit-events/verify", 200, Limited.REFUSED, "audit:read"),
			row("GET", "/audit-events/head", 200, Limited.REFUSED, "audit:read"),
			row("POST", "/apps", (fixture) -> Map.of("name", "matrix-new"), 201, Limited.REFUSED, "apps:write"),
			row("POST", "/apps/{app}/secrets", (fixture) -> Map.of("key", "MATRIX_NEW", "value", "matrix-new-value"),
					201, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("PUT", "/apps/{app}/secrets", (fixture) -> Map.of("MATRIX_BULK", "matrix-bulk-value"), 200,
					Limited.ONLY_ITS_APPS, "secrets:write"),
			row("PUT", "/apps/{app}/secrets/by-key/MATRIX_BY_KEY", (fixture) -> Map.of("value", "matrix-by-key"), 201,
					Limited.ONLY_ITS_APPS, "secrets:write"),
			row("DELETE", "/apps/{app}/secrets/by-key/MATRIX_BY_KEY", 204, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("PATCH", SECRET, (fixture) -> Map.of("value", "matrix-patched"), 200, Limited.ONLY_ITS_APPS,
					"secrets:write"),
			row("PUT", SECRET, (fixture) -> Map.of("key", "MATRIX_PUT"), 200, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("POST", SECRET + "/versions/1/restore", 200, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("POST", SECRET + "/rotate", 200, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("POST", "/apps/{app}/secrets/{deleted}/undelete", 200, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("DELETE", SECRET, 204, Limited.ONLY_ITS_APPS, "secrets:write"),
			row("PATCH", "/apps/{app}", (fixture) -> Map.of("name", "matrix-renamed"), 200, Limited.ONLY_ITS_APPS,
					"apps:write"),
			row("POST", "/tokens",
					(fixture) -> tokenBody(List.of(fixture.permission()),
							fixture.scoped() ? List.of(fixture.app()) : null),
					201, Limited.NARROWED, "admin"),
			row("DELETE", "/tokens/{token}", 204, Limited.NARROWED, "admin"),
			row("POST", "/admin/encryption/rotate", 202, Limited.REFUSED, "admin"),
			row("DELETE", "/apps/{app}", 204, Limited.ONLY_ITS_APPS, "apps:write"));

	@Test
	void everyPermissionScopedAndUnscopedGetsExactlyWhatTheReadmeSaysOnEveryRoute() {
		int checked = 0;
		for (Permission permission : Permission.values()) {
			for (boolean scoped : List.of(false, true)) {
				Fixture fixture = fixture(permission, scoped);
				Http caller = http().as(token(permission, scoped, fixture.app()));
				for (Row row : TABLE) {
					Object body = row.body().apply(fixture);
					Reply reply = caller.send(row.method(), row.path(fixture),
							(body != null) ? "application/json" : null, body);
					int expected = expected(row, permission.value(), scoped);
					assertThat(reply.status())
						.as("%s %s scoped=%s: %s", permission.value(), row.path, scoped, reply.brief())
						.isEqualTo(expected);
					if (expected >= 400) {
						assertProblem(reply, expected);
					}
					if (permission != Permission.SECRETS_READ) {
						assertThat(reply.body()).as("%s %s", permission.value(), row.path).doesNotContain("\"value\"");
					}
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(Permission.values().length * 2 * TABLE.size());
		assertThat(TABLE.stream().map((row) -> row.method() + " " + row.path()).collect(Collectors.toSet()))
			.hasSize(Route.values().length);
	}

	private static int expected(Row row, String permission, boolean scoped) {
		if (!row.anyOf().contains(permission) || (scoped && row.limited() == Limited.REFUSED)) {
			return 403;
		}
		if (scoped && row.path().equals("/tokens") && row.method().equals("POST")) {
			// The README: admin together with appIds is refused with 400.
			return 400;
		}
		return row.success();
	}

	private Fixture fixture(Permission permission, boolean scoped) {
		String app = createApp("matrix " + permission.value() + (scoped ? " scoped" : ""));
		String secret = createSecret(app, "MATRIX", "matrix-value");
		String deleted = createSecret(app, "MATRIX_DELETED", "matrix-deleted-value");
		createSecret(app, "versions", "matrix-versions-value");
		assertThat(http().delete("/apps/" + app + "/secrets/" + deleted).status()).isEqualTo(204);
		String token = issue(List.of("apps:read"), List.of(app)).get("id").asString();
		return new Fixture(app, secret, deleted, token, permission.value(), scoped);
	}

	private String token(Permission permission, boolean scoped, String app) {
		if (permission == Permission.ADMIN && scoped) {
			// Issuing refuses an admin limited to apps; older versions issued them.
			return stored(EnumSet.of(permission), List.of(app))[0];
		}
		return issue(List.of(permission.value()), scoped ? List.of(app) : null).get("token").asString();
	}

}
