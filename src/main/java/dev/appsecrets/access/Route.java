package dev.appsecrets.access;

import java.util.EnumSet;
import java.util.Set;

import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.caller.AppScope;
import dev.appsecrets.caller.Permission;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every route the service answers, with who may call it: the one table that the security
 * rules, the strict reading of path ids and the names of refused requests in the audit
 * log are made from. {@code RouteTableTests} checks that it lists exactly the
 * controllers' mappings, and {@link RouteGuard} refuses a handler that has no row here.
 * <p>
 * Path variables are read once, by {@link RouteMatch}, before any rule or handler:
 * {@code version} is a plain positive number, {@code key} a secret key as stored, the
 * names of Spring Cloud Config's protocol ({@code application}, {@code profile},
 * {@code label}) free text, and every other one a canonical UUID.
 */
enum Route {

	LIST_APPS(HttpMethod.GET, "/apps", AuditActions.APPS_LIST, Reach.OWN_APPS, Permission.APPS_READ),
	CREATE_APP(HttpMethod.POST, "/apps", AuditActions.APP_CREATE, Reach.ALL_APPS, Permission.APPS_WRITE),
	GET_APP(HttpMethod.GET, "/apps/{appId}", AuditActions.APP_READ, Reach.PATH_APP, Permission.APPS_READ),
	RENAME_APP(HttpMethod.PATCH, "/apps/{appId}", AuditActions.APP_RENAME, Reach.PATH_APP, Permission.APPS_WRITE),
	DELETE_APP(HttpMethod.DELETE, "/apps/{appId}", AuditActions.APP_DELETE, Reach.PATH_APP, Permission.APPS_WRITE),

	LIST_SECRETS(HttpMethod.GET, "/apps/{appId}/secrets", AuditActions.SECRETS_LIST, Reach.PATH_APP,
			Permission.SECRETS_LIST, Permission.SECRETS_READ),
	CREATE_SECRET(HttpMethod.POST, "/apps/{appId}/secrets", AuditActions.SECRET_CREATE, Reach.PATH_APP,
			Permission.SECRETS_WRITE),
	IMPORT_SECRETS(HttpMethod.PUT, "/apps/{appId}/secrets", AuditActions.SECRETS_IMPORT, Reach.PATH_APP,
			Permission.SECRETS_WRITE),
	EXPORT_SECRETS(HttpMethod.GET, "/apps/{appId}/secrets/export", AuditActions.SECRETS_READ, Reach.PATH_APP,
			Permission.SECRETS_READ),
	GET_SECRET_BY_KEY(HttpMethod.GET, "/apps/{appId}/secrets/by-key/{key}", AuditActions.SECRET_READ, Reach.PATH_APP,
			Permission.SECRETS_READ),
	/**
	 * The key {@code versions}: {@code /{secretId}/versions} is the more specific pattern
	 * for it, so it has a route of its own.
	 */
	GET_SECRET_KEYED_VERSIONS(HttpMethod.GET, "/apps/{appId}/secrets/by-key/versions", AuditActions.SECRET_READ,
			Reach.PATH_APP, Permission.SECRETS_READ),
	PUT_SECRET_BY_KEY(HttpMethod.PUT, "/apps/{appId}/secrets/by-key/{key}", AuditActions.SECRET_UPDATE, Reach.PATH_APP,
			Permission.SECRETS_WRITE),
	DELETE_SECRET_BY_KEY(HttpMethod.DELETE, "/apps/{appId}/secrets/by-key/{key}", AuditActions.SECRET_DELETE,
			Reach.PATH_APP, Permission.SECRETS_WRITE),
	LIST_DELETED_SECRETS(HttpMethod.GET, "/apps/{appId}/secrets/deleted", AuditActions.SECRETS_LIST, Reach.PATH_APP,
			Permission.SECRETS_LIST, Permission.SECRETS_READ),
	GET_SECRET(HttpMethod.GET, "/apps/{appId}/secrets/{secretId}", AuditActions.SECRET_READ, Reach.PATH_APP,
			Permission.SECRETS_READ),
	UPDATE_SECRET(HttpMethod.PATCH, "/apps/{appId}/secrets/{secretId}", AuditActions.SECRET_UPDATE, Reach.PATH_APP,
			Permission.SECRETS_WRITE),
	REPLACE_SECRET(HttpMethod.PUT, "/apps/{appId}/secrets/{secretId}", AuditActions.SECRET_UPDATE, Reach.PATH_APP,
			Permission.SECRETS_WRITE),
	DELETE_SECRET(HttpMethod.DELETE, "/apps/{appId}/secrets/{secretId}", AuditActions.SECRET_DELETE, Reach.PATH_APP,
			Permission.SECRETS_WRITE),
	UNDELETE_SECRET(HttpMethod.POST, "/apps/{appId}/secrets/{secretId}/undelete", AuditActions.SECRET_UNDELETE,
			Reach.PATH_APP, Permission.SECRETS_WRITE),
	LIST_VERSIONS(HttpMethod.GET, "/apps/{appId}/secrets/{secretId}/versions", AuditActions.SECRET_VERSIONS,
			Reach.PATH_APP, Permission.SECRETS_LIST, Permission.SECRETS_READ),
	GET_VERSION(HttpMethod.GET, "/apps/{appId}/secrets/{secretId}/versions/{version}", AuditActions.SECRET_READ,
			Reach.PATH_APP, Permission.SECRETS_READ),
	RESTORE_VERSION(HttpMethod.POST, "/apps/{appId}/secrets/{secretId}/versions/{version}/restore",
			AuditActions.SECRET_RESTORE, Reach.PATH_APP, Permission.SECRETS_WRITE),
	ROTATE_SECRET(HttpMethod.POST, "/apps/{appId}/secrets/{secretId}/rotate", AuditActions.SECRET_ROTATE,
			Reach.PATH_APP, Permission.SECRETS_WRITE),

	/**
	 * Spring Cloud Config Server's protocol: the app is named by id or by name, so the
	 * service checks its scope once it has found it.
	 */
	CONFIG(HttpMethod.GET, "/config/{application}/{profile}", AuditActions.SECRETS_READ, Reach.OWN_APPS,
			Permission.SECRETS_READ),
	CONFIG_WITH_LABEL(HttpMethod.GET, "/config/{application}/{profile}/{label}", AuditActions.SECRETS_READ,
			Reach.OWN_APPS, Permission.SECRETS_READ),

	CREATE_TOKEN(HttpMethod.POST, "/tokens", AuditActions.TOKEN_CREATE, Reach.OWN_APPS, Permission.ADMIN),
	LIST_TOKENS(HttpMethod.GET, "/tokens", AuditActions.TOKENS_LIST, Reach.OWN_APPS, Permission.ADMIN),
	REVOKE_TOKEN(HttpMethod.DELETE, "/tokens/{id}", AuditActions.TOKEN_REVOKE, Reach.OWN_APPS, Permission.ADMIN),

	ROTATE_DATA_KEY(HttpMethod.POST, "/admin/encryption/rotate", AuditActions.DATA_KEY_ROTATE, Reach.ALL_APPS,
			Permission.ADMIN),
	ENCRYPTION_STATUS(HttpMethod.GET, "/admin/encryption/status", AuditActions.ENCRYPTION_STATUS, Reach.ALL_APPS,
			Permission.ADMIN),

	LIST_AUDIT_EVENTS(HttpMethod.GET, "/audit-events", AuditActions.AUDIT_READ, Reach.OWN_APPS, Permission.AUDIT_READ),
	VERIFY_AUDIT_EVENTS(HttpMethod.GET, "/audit-events/verify", AuditActions.AUDIT_VERIFY, Reach.ALL_APPS,
			Permission.AUDIT_READ),
	AUDIT_CHAIN_HEAD(HttpMethod.GET, "/audit-events/head", AuditActions.AUDIT_HEAD, Reach.ALL_APPS,
			Permission.AUDIT_READ);

	/** Which apps a caller must be allowed, beside holding one of the permissions. */
	enum Reach {

		/**
		 * Any caller with the permission; the service narrows the answer to the caller's
		 * apps.
		 */
		OWN_APPS,
		/** Only callers allowed every app (creating an app, administering keys). */
		ALL_APPS,
		/** Only callers allowed the app named by {appId} in the path. */
		PATH_APP

	}

	private final HttpMethod method;

	private final PathPattern pattern;

	private final String action;

	private final Reach reach;

	private final Set<Permission> anyOf;

	Route(HttpMethod method, String pattern, String action, Reach reach, Permission first, Permission... more) {
		this.method = method;
		this.pattern = PathPatternParser.defaultInstance.parse(pattern);
		this.action = action;
		this.reach = reach;
		this.anyOf = EnumSet.of(first, more);
	}

	HttpMethod method() {
		return this.method;
	}

	PathPattern pattern() {
		return this.pattern;
	}

	/** The audit action of the route, also for a refused request to it. */
	String action() {
		return this.action;
	}

	Reach reach() {
		return this.reach;
	}

	Set<Permission> permissions() {
		return this.anyOf;
	}

	/**
	 * Whether the caller may call this route on the ids that were read from the path.
	 * Anything that could not be read is refused.
	 */
	boolean allows(Authentication caller, RouteMatch match) {
		if (caller == null || !caller.isAuthenticated() || !match.valid()
				|| this.anyOf.stream().noneMatch((permission) -> permission.heldBy(caller))) {
			return false;
		}
		return switch (this.reach) {
			case OWN_APPS -> true;
			case ALL_APPS -> AppScope.unlimited(caller);
			case PATH_APP -> match.appId() != null && AppScope.allows(caller, match.appId());
		};
	}

}
