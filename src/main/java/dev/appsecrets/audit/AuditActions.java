package dev.appsecrets.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of audited actions.
 */
public final class AuditActions {

	public static final String SECRETS_LIST = "secrets.list";

	public static final String SECRET_READ = "secret.read";

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

	/** A refused request to a route that is none of those named. */
	public static final String REQUEST = "request";

	private record Route(String method, Pattern path, String action) {
	}

	private static final String UUIDISH = "[^/]+";

	private static final List<Route> ROUTES = List.of(
			new Route("GET", Pattern.compile("/apps/" + UUIDISH + "/secrets/deleted"), SECRETS_LIST),
			new Route("GET", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH + "/versions"),
					SECRET_VERSIONS),
			new Route("GET", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH + "/versions/[^/]+"),
					SECRET_READ),
			new Route("POST", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH + "/versions/[^/]+/restore"),
					SECRET_RESTORE),
			new Route("POST", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH + "/rotate"), SECRET_ROTATE),
			new Route("POST", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH + "/undelete"),
					SECRET_UNDELETE),
			new Route("GET", Pattern.compile("/apps/" + UUIDISH + "/secrets"), SECRETS_LIST),
			new Route("POST", Pattern.compile("/apps/" + UUIDISH + "/secrets"), SECRET_CREATE),
			new Route("GET", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH), SECRET_READ),
			new Route("PATCH", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH), SECRET_UPDATE),
			new Route("PUT", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH), SECRET_UPDATE),
			new Route("DELETE", Pattern.compile("/apps/" + UUIDISH + "/secrets/" + UUIDISH), SECRET_DELETE),
			new Route("POST", Pattern.compile("/apps"), APP_CREATE),
			new Route("PATCH", Pattern.compile("/apps/" + UUIDISH), APP_RENAME),
			new Route("DELETE", Pattern.compile("/apps/" + UUIDISH), APP_DELETE),
			new Route("POST", Pattern.compile("/tokens"), TOKEN_CREATE),
			new Route("DELETE", Pattern.compile("/tokens/" + UUIDISH), TOKEN_REVOKE),
			new Route("POST", Pattern.compile("/admin/encryption/rotate"), DATA_KEY_ROTATE),
			new Route("GET", Pattern.compile("/apps"), "apps.list"),
			new Route("GET", Pattern.compile("/apps/" + UUIDISH), "app.read"),
			new Route("GET", Pattern.compile("/tokens"), "tokens.list"),
			new Route("GET", Pattern.compile("/admin/encryption/status"), "encryption.status"),
			new Route("GET", Pattern.compile("/audit-events(/verify)?"), "audit.read"));

	private AuditActions() {
	}

	/** The action a request would have been, for recording it when it is refused. */
	static String forRequest(String method, String path) {
		return ROUTES.stream()
			.filter((route) -> route.method().equals(method) && route.path().matcher(path).matches())
			.map(Route::action)
			.findFirst()
			.orElse(REQUEST);
	}

}
