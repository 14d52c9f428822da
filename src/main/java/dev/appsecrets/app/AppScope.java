package dev.appsecrets.app;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which apps a caller may touch, carried as authorities: {@code app:*} for every app, or
 * one {@code app:<id>} per app. Read through Spring Security's own types, so that
 * features need not know how callers authenticate.
 */
public final class AppScope {

	/** Authority prefix of one allowed app. */
	public static final String PREFIX = "app:";

	/** Authority of a caller allowed every app. */
	public static final String ALL = "app:*";

	private AppScope() {
	}

	/**
	 * The apps the caller is limited to.
	 * @param authentication the caller
	 * @return the allowed app ids, or null if every app is allowed
	 */
	public static Set<UUID> limitedTo(Authentication authentication) {
		Set<UUID> apps = new HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (ALL.equals(name)) {
				return null;
			}
			if (name != null && name.startsWith(PREFIX)) {
				apps.add(UUID.fromString(name.substring(PREFIX.length())));
			}
		}
		return apps;
	}

	/**
	 * Whether the caller may touch the app.
	 * @param authentication the caller
	 * @param appId the app
	 * @return true if allowed
	 */
	public static boolean allows(Authentication authentication, UUID appId) {
		Set<UUID> apps = limitedTo(authentication);
		return apps == null || apps.contains(appId);
	}

}
