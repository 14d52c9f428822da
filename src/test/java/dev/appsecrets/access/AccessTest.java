package dev.appsecrets.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import dev.appsecrets.caller.Permission;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tests' shared moves: tokens issued through the API, and tokens the API no longer
 * issues (an admin limited to apps, as older versions allowed) written straight to the
 * table.
 */
abstract class AccessTest extends ApiTest {

	@Autowired
	private AccessTokenRepository tokens;

	/** A client holding a new API token issued by the admin token. */
	protected Http holding(List<String> permissions, List<String> appIds) {
		return http().as(issue(permissions, appIds).get("token").asString());
	}

	/** Issues a token with the admin token and answers the whole answer. */
	protected JsonNode issue(List<String> permissions, List<String> appIds) {
		Reply reply = http().post("/tokens", tokenBody(permissions, appIds));
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.json();
	}

	protected static Map<String, Object> tokenBody(List<String> permissions, List<String> appIds) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "test token");
		body.put("permissions", permissions);
		if (appIds != null) {
			body.put("appIds", appIds);
		}
		return body;
	}

	/**
	 * A token written to the table directly, bypassing the issuing rules.
	 * @return the bearer token and its id
	 */
	protected String[] stored(Set<Permission> permissions, List<String> appIds) {
		return stored(permissions, appIds, null);
	}

	/**
	 * A token written to the table directly, as issued by another token.
	 * @return the bearer token and its id
	 */
	protected String[] stored(Set<Permission> permissions, List<String> appIds, String issuedBy) {
		String token = TokenHashes.newToken();
		Set<UUID> apps = null;
		if (appIds != null) {
			apps = new LinkedHashSet<>();
			for (String appId : appIds) {
				apps.add(UUID.fromString(appId));
			}
		}
		AccessToken saved = this.tokens
			.save(new AccessToken("stored token", TokenHashes.hash(token), EnumSet.copyOf(permissions), apps, null,
					Instant.now(), (issuedBy != null) ? UUID.fromString(issuedBy) : null));
		return new String[] { token, saved.id().toString() };
	}

	/** The permission named, as the API spells it. */
	protected static Permission permission(String name) {
		return Permission.of(name);
	}

}
