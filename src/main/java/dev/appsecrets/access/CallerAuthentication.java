package dev.appsecrets.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.caller.Permission;
import dev.appsecrets.caller.AppScope;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller: who (an API token, the admin token or a JWT subject), with its
 * permissions and app scope as authorities. It never holds the token itself.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final String actorId;

	private final String actorName;

	private final UUID tokenId;

	private final Instant expiresAt;

	CallerAuthentication(String actorId, String actorName, Set<Permission> permissions, Set<UUID> appIds) {
		this(actorId, actorName, permissions, appIds, null, null);
	}

	/**
	 * A caller that authenticated with an API token.
	 * @param tokenId the token's id
	 * @param expiresAt when the token stops working, or null for never
	 */
	CallerAuthentication(String actorId, String actorName, Set<Permission> permissions, Set<UUID> appIds, UUID tokenId,
			Instant expiresAt) {
		super(authorities(permissions, appIds));
		this.actorId = actorId;
		this.actorName = actorName;
		this.tokenId = tokenId;
		this.expiresAt = expiresAt;
		setAuthenticated(true);
	}

	/** The API token the caller authenticated with, or null (admin token, JWT). */
	UUID tokenId() {
		return this.tokenId;
	}

	/** When the caller's API token stops working, or null. */
	Instant expiresAt() {
		return this.expiresAt;
	}

	private static List<GrantedAuthority> authorities(Set<Permission> permissions, Set<UUID> appIds) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		permissions.forEach((permission) -> authorities.add(new SimpleGrantedAuthority(permission.value())));
		if (appIds == null) {
			authorities.add(new SimpleGrantedAuthority(AppScope.ALL));
		}
		else {
			appIds.forEach((appId) -> authorities.add(new SimpleGrantedAuthority(AppScope.PREFIX + appId)));
		}
		return authorities;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.actorId;
	}

	@Override
	public String getName() {
		return this.actorName;
	}

}
