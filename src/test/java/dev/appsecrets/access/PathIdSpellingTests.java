package dev.appsecrets.access;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 1 of the attack: an app-scoped token reached another app through
 * {@code /apps/<id>%20/secrets}, because the rule let an id it could not parse through
 * and the handler trimmed it. Every app-bound route of the {@link Route} table is tried
 * with many spellings of another app's id (and of a secret id): none is let in, and the
 * other app's data is untouched.
 */
class PathIdSpellingTests extends AccessTest {

	/**
	 * Spellings of an id that are not its canonical text: each one is refused with 400
	 * for every caller, before any rule or handler sees it.
	 */
	private static List<String> nonCanonical(String id) {
		return List.of(id + "%20", "%20" + id, id + "%09", "%09" + id, id + "%0B", id + "%0C", id + "%1F", "%01" + id,
				id + "+", id.toUpperCase(), upperCaseOneLetter(id), "%7B" + id + "%7D", "urn:uuid:" + id, id + ".",
				id + "%C2%A0", "%E2%80%8B" + id, id.replace("-", ""), id + "0", id.substring(1), "0" + id,
				id.replace("-", "_"));
	}

	private static String upperCaseOneLetter(String id) {
		for (int i = id.length() - 1; i >= 0; i--) {
			if (Character.isLetter(id.charAt(i))) {
				return id.substring(0, i) + Character.toUpperCase(id.charAt(i)) + id.substring(i + 1);
			}
		}
		throw new IllegalArgumentException("no letter in " + id);
	}

	/**
	 * Spellings that the servlet container or the firewall refuse before the service
	 * reads them (NUL, encoded separators, path parameters, a second segment): refused
	 * too.
	 */
	private static List<String> rejectedEarlier(String id) {
		return List.of(id + "%0A", id + "%0D", id + "%2E", id + "%00", id + "%3Bx=1", id + ";x=1", id + "%2Fx",
				id + "%5C", id + "/x", id + "/.", id + "%25", "..%2F" + id);
	}

	/**
	 * Spellings that decode to the canonical text itself (percent-encoded hyphens or
	 * digits): the same id to every reader, but not its canonical text, so 400 too.
	 */
	private static List<String> encodedCanonical(String id) {
		return List.of(id.replace("-", "%2D"), "%" + Integer.toHexString(id.charAt(0)) + id.substring(1),
				id.substring(0, 35) + "%" + Integer.toHexString(id.charAt(35)).toUpperCase());
	}

	@Test
	void noSpellingOfAnotherAppsIdGetsAnAppScopedTokenIn() {
		String mine = createApp("spelling-mine");
		String theirs = createApp("spelling-theirs");
		String theirSecret = createSecret(theirs, "THEIRS", "their-value");
		http().delete("/apps/" + theirs + "/secrets/" + createSecret(theirs, "GONE", "gone-value"));
		Http scoped = holding(
				List.of("apps:read", "apps:write", "secrets:list", "secrets:read", "secrets:write", "audit:read"),
				List.of(mine));

		int tried = 0;
		for (Route route : appRoutes()) {
			for (String spelling : nonCanonical(theirs)) {
				Reply reply = send(scoped, route, spelling, theirSecret);
				assertProblem(reply, 400);
				assertThat(reply.body()).as(describe(route, spelling)).doesNotContain("their-value").contains("appId");
				tried++;
			}
			for (String spelling : encodedCanonical(theirs)) {
				Reply reply = send(scoped, route, spelling, theirSecret);
				assertProblem(reply, 400);
				assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("appId");
				tried++;
			}
			for (String spelling : rejectedEarlier(theirs)) {
				Reply reply = send(scoped, route, spelling, theirSecret);
				assertThat(reply.status()).as(describe(route, spelling) + " " + reply.brief()).isBetween(400, 499);
				assertThat(reply.body()).doesNotContain("their-value");
				tried++;
			}
			Reply head = scoped.send("HEAD", path(route, theirs, theirSecret), null, null);
			if (route.method().name().equals("GET")) {
				assertThat(head.status()).as("HEAD " + route).isEqualTo(403);
			}
		}
		assertThat(tried).isGreaterThan(appRoutes().size() * 10);

		assertThat(http().get("/apps/" + theirs).json().get("name").asString()).isEqualTo("spelling-theirs");
		Reply secrets = http().get("/apps/" + theirs + "/secrets");
		assertThat(secrets.json().get("secrets")).hasSize(1);
		assertThat(secrets.json().get("secrets").get(0).get("value").asString()).isEqualTo("their-value");
		assertThat(secrets.json().get("secrets").get(0).get("version").asInt()).isEqualTo(1);
		assertThat(http().get("/apps/" + theirs + "/secrets/deleted").json().get("secrets")).hasSize(1);
	}

	@Test
	void aTrailingSlashOrAnotherMethodOrOptionsGetsNoFurtherIntoAnotherApp() {
		String mine = createApp("slash-mine");
		String theirs = createApp("slash-theirs");
		String theirSecret = createSecret(theirs, "THEIRS", "their-value");
		Http scoped = holding(List.of("audit:read"), List.of(mine));

		for (Route route : appRoutes()) {
			String path = path(route, theirs, theirSecret);
			assertProblem(scoped.send(route.method().name(), path + "/", null, null), 400);
			Reply options = scoped.send("OPTIONS", path, null, null);
			assertThat(options.status()).as("OPTIONS " + path).isEqualTo(403);
			assertThat(options.header("Allow")).isNull();
		}
		assertProblem(scoped.send("PUT", "/apps/" + theirs + "/secrets", "application/json", "{}"), 403);
		for (String under : List.of("/foo", "/%20", "/secrets/" + theirSecret + "/foo", "/x/y/z")) {
			assertProblem(scoped.get("/apps/" + theirs + under), 403);
		}
		Http writeOnly = holding(List.of("secrets:write"), null);
		for (String path : List.of("/tokens", "/admin/encryption/rotate", "/audit-events/verify", "/audit-events")) {
			assertThat(writeOnly.send("OPTIONS", path, null, null).status()).as("OPTIONS " + path).isEqualTo(403);
		}
		assertProblem(holding(List.of("admin"), null).delete("/tokens/" + theirSecret + "/"), 400);
	}

	@Test
	void aNonCanonicalIdIs400ForEveryCallerEvenTheAdminAndTheAnonymous() {
		String appId = createApp("spelling-any-caller");
		String secretId = createSecret(appId, "K", "v");

		for (Route route : appRoutes()) {
			for (Http caller : List.of(http(), http().as(null))) {
				Reply padded = send(caller, route, appId + "%20", secretId);
				assertProblem(padded, 400);
				assertThat(padded.json().get("errors").get(0).get("field").asString()).isEqualTo("appId");
			}
		}
		assertThat(http().get("/apps/" + appId + "/secrets/" + secretId).json().get("value").asString()).isEqualTo("v");
	}

	@Test
	void aNonCanonicalSecretIdOrVersionIs400EvenInTheCallersOwnApp() {
		String mine = createApp("spelling-secret");
		String secretId = createSecret(mine, "K", "v");
		Http scoped = holding(List.of("secrets:read", "secrets:write"), List.of(mine));

		for (Route route : appRoutes()) {
			if (!route.pattern().getPatternString().contains("{secretId}")) {
				continue;
			}
			for (String spelling : nonCanonical(secretId)) {
				Reply reply = send(scoped, route, mine, spelling);
				assertProblem(reply, 400);
				assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("secretId");
			}
		}
		for (String version : List.of("01", "+1", "1%20", "%201", "0x1", "1.0", "-1", "0", "99999999999")) {
			assertProblem(scoped.get("/apps/" + mine + "/secrets/" + secretId + "/versions/" + version), 400);
		}
		assertThat(http().get("/apps/" + mine + "/secrets/" + secretId).json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void aNonCanonicalIdInAQueryIsRefusedToo() {
		String mine = createApp("query-mine");
		String theirs = createApp("query-theirs");
		Http auditor = holding(List.of("audit:read"), List.of(mine));

		for (String spelling : nonCanonical(theirs)) {
			Reply reply = auditor.get("/audit-events?appId=" + spelling);
			assertThat(reply.status()).as(spelling + " " + reply.brief()).isEqualTo(400);
		}
		assertProblem(auditor.get("/audit-events?appId=" + theirs), 403);
		for (String spelling : List.of(theirs + "%20", theirs.toUpperCase())) {
			assertProblem(http().delete("/tokens/" + spelling), 400);
		}
	}

	private static List<Route> appRoutes() {
		return Arrays.stream(Route.values())
			.filter((route) -> route.pattern().getPatternString().startsWith("/apps/{appId}"))
			.toList();
	}

	private static Reply send(Http caller, Route route, String appId, String secretId) {
		String method = route.method().name();
		Object body = body(route);
		return caller.send(method, path(route, appId, secretId), (body != null) ? "application/json" : null, body);
	}

	private static String path(Route route, String appId, String secretId) {
		return route.pattern()
			.getPatternString()
			.replace("{appId}", appId)
			.replace("{secretId}", secretId)
			.replace("{key}", "SPELLING_KEY")
			.replace("{version}", "1");
	}

	private static Object body(Route route) {
		return switch (route) {
			case RENAME_APP -> Map.of("name", "taken-over");
			case CREATE_SECRET -> Map.of("key", "INTRUDER", "value", "planted");
			case UPDATE_SECRET, REPLACE_SECRET, PUT_SECRET_BY_KEY -> Map.of("value", "stolen");
			case IMPORT_SECRETS -> Map.of("INTRUDER", "planted");
			default -> null;
		};
	}

	private static String describe(Route route, String spelling) {
		return route + " with " + spelling;
	}

}
