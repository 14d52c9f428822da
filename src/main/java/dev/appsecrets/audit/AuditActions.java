package dev.appsecrets.audit;

/**
 * The names of audited actions. Which route is which action, also for a refused request,
 * is said by the route table of the access feature.
 */
public final class AuditActions {

	public static final String SECRETS_LIST = "secrets.list";

	public static final String SECRET_READ = "secret.read";

	/**
	 * A list of an app's secrets that disclosed their values (secrets.list: names only).
	 */
	public static final String SECRETS_READ = "secrets.read";

	/**
	 * A bulk import or sync of an app's secrets (its count: the secrets it created,
	 * changed or deleted, each also audited as itself).
	 */
	public static final String SECRETS_IMPORT = "secrets.import";

	public static final String SECRET_CREATE = "secret.create";

	public static final String SECRET_UPDATE = "secret.update";

	public static final String SECRET_DELETE = "secret.delete";

	public static final String SECRET_RESTORE = "secret.restore";

	public static final String SECRET_ROTATE = "secret.rotate";

	public static final String SECRET_UNDELETE = "secret.undelete";

	public static final String SECRET_PURGE = "secret.purge";

	public static final String SECRET_VERSIONS = "secret.versions";

	public static final String APP_CREATE = "app.create";

	public static final String APP_RENAME = "app.rename";

	public static final String APP_DELETE = "app.delete";

	public static final String TOKEN_CREATE = "token.create";

	public static final String TOKEN_REVOKE = "token.revoke";

	public static final String DATA_KEY_ROTATE = "datakey.rotate";

	public static final String MASTER_KEY_ROTATE = "masterkey.rotate";

	public static final String APPS_LIST = "apps.list";

	public static final String APP_READ = "app.read";

	public static final String TOKENS_LIST = "tokens.list";

	public static final String ENCRYPTION_STATUS = "encryption.status";

	public static final String AUDIT_READ = "audit.read";

	public static final String AUDIT_VERIFY = "audit.verify";

	public static final String AUDIT_HEAD = "audit.head";

	/** A refused request to a route that is none of those named. */
	public static final String REQUEST = "request";

	/** Every action name, sorted. */
	public static final java.util.SortedSet<String> ALL = java.util.Collections
		.unmodifiableSortedSet(new java.util.TreeSet<>(java.util.List.of(SECRETS_LIST, SECRETS_READ, SECRETS_IMPORT,
				SECRET_READ, SECRET_CREATE, SECRET_UPDATE, SECRET_DELETE, SECRET_RESTORE, SECRET_ROTATE,
				SECRET_UNDELETE, SECRET_PURGE, SECRET_VERSIONS, APP_CREATE, APP_RENAME, APP_DELETE, TOKEN_CREATE,
				TOKEN_REVOKE, DATA_KEY_ROTATE, MASTER_KEY_ROTATE, APPS_LIST, APP_READ, TOKENS_LIST, ENCRYPTION_STATUS,
				AUDIT_READ, AUDIT_VERIFY, AUDIT_HEAD, REQUEST)));

	private AuditActions() {
	}

	/**
	 * The kind of access an action is, for the metrics: {@code read} of values or names,
	 * {@code write} of secrets, {@code admin} of apps, tokens and keys, {@code audit}.
	 * @param action the action name
	 * @return the kind
	 */
	public static String kind(String action) {
		if (action.equals(SECRETS_READ) || action.equals(SECRET_READ) || action.equals(SECRETS_LIST)
				|| action.equals(SECRET_VERSIONS) || action.equals(APPS_LIST) || action.equals(APP_READ)) {
			return "read";
		}
		if (action.startsWith("secret")) {
			return "write";
		}
		return action.startsWith("audit") ? "audit" : (action.equals(REQUEST) ? "other" : "admin");
	}

}
