package dev.appsecrets.caller;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which apps a caller may touch, carried as authorities: {@code app:*} for every app, or
 * one {@code app:<id>} per app. Read through Spring Security's own types, so that
 * features need not know how callers authenticate.
 * <p>
 * The URL rules decide first; services call {@link #require(UUID)} again on the very ids
 * they use, so a route whose rule is missing or wrong still fails closed.
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
	 * @param authentication the caller, or null for nobody (who may touch no app)
	 * @return the allowed app ids, or null if every app is allowed
	 */
	public static Set<UUID> limitedTo(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Set.of();
		}
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
		return Collections.unmodifiableSet(apps);
	}

	/**
	 * The apps the current caller is limited to.
	 * @return the allowed app ids, or null if every app is allowed
	 */
	public static Set<UUID> current() {
		return limitedTo(SecurityContextHolder.getContext().getAuthentication());
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

	/**
	 * Whether the caller is allowed every app, as creating apps, issuing unscoped tokens
	 * and administering keys need.
	 * @param authentication the caller
	 * @return true if unscoped
	 */
	public static boolean unlimited(Authentication authentication) {
		return limitedTo(authentication) == null;
	}

	/**
	 * Fails unless the current caller may touch the app.
	 * @param appId the app the operation is about to use
	 * @throws AccessDeniedException if the app is outside the caller's scope (answered
	 * 403 and audited as denied)
	 */
	public static void require(UUID appId) {
		if (appId == null || !allows(SecurityContextHolder.getContext().getAuthentication(), appId)) {
			throw new AccessDeniedException("App outside the caller's scope");
		}
	}

	/**
	 * Fails unless the current caller is allowed every app.
	 * @throws AccessDeniedException if the caller is limited to some apps
	 */
	public static void requireUnlimited() {
		if (!unlimited(SecurityContextHolder.getContext().getAuthentication())) {
			throw new AccessDeniedException("Only a caller allowed every app may do this");
		}
	}

	/**
	 * Fails unless the current caller may read the app's values.
	 * @param appId the app whose value is about to be answered
	 * @throws AccessDeniedException if the caller lacks {@code secrets:read} or the app
	 */
	public static void requireValueReader(UUID appId) {
		if (!mayReadValues(appId)) {
			throw new AccessDeniedException("Reading values needs secrets:read on the app");
		}
	}

	/**
	 * Whether an answer about the app's secrets may carry values: only for a caller
	 * holding {@code secrets:read} on that app. Least privilege in every answer: what it
	 * carries depends on what the caller may read, not on the endpoint it called.
	 * @param appId the app whose secret is answered
	 * @return true if values may be included
	 */
	public static boolean mayReadValues(UUID appId) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return Permission.SECRETS_READ.heldBy(caller) && allows(caller, appId);
	}

	/**
	 * Whether an answer about the app's secrets may name keys the caller did not send:
	 * only for a caller holding {@code secrets:list} or {@code secrets:read} on that app.
	 * @param appId the app
	 * @return true if its keys may be named
	 */
	public static boolean mayListNames(UUID appId) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return (Permission.SECRETS_LIST.heldBy(caller) || Permission.SECRETS_READ.heldBy(caller))
				&& allows(caller, appId);
	}

}
