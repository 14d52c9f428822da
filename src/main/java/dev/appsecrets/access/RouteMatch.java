package dev.appsecrets.access;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.web.CanonicalIds;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A request read once against the {@link Route} table: which route it is (chosen as
 * Spring MVC chooses: the most specific pattern that matches the path and method), and
 * its path ids, parsed strictly (and the secret key or Spring Cloud Config names the path
 * carries, checked). The filter that refuses bad ids, the authorization rule and the
 * audit of a refusal all use this one reading; handlers convert the same decoded text
 * with the same strict parser, so they act on the very ids that were checked.
 *
 * @param route the route of the request's method and path, or null if none
 * @param valid false if the path matches a route whose ids could not be read
 * @param invalidVariable the first variable that could not be read, if any
 * @param ids the ids read from the path, by variable name
 * @param samePath the routes of the path, whatever their method, most specific first
 */
record RouteMatch(Route route, boolean valid, String invalidVariable, Map<String, UUID> ids, List<Route> samePath) {

	private static final String ATTRIBUTE = RouteMatch.class.getName();

	private static final String REST = "rest";

	/**
	 * Paths under an id that no route answers: their id is read and checked all the same.
	 */
	private static final List<PathPattern> UNDER_IDS = List.of(
			PathPatternParser.defaultInstance.parse("/apps/{appId}/secrets/{secretId}/{*rest}"),
			PathPatternParser.defaultInstance.parse("/apps/{appId}/{*rest}"),
			PathPatternParser.defaultInstance.parse("/tokens/{id}/{*rest}"));

	private static final String VERSION = "version";

	private static final String KEY = "key";

	/**
	 * Spring Cloud Config's names: free text, found by the service (which then checks the
	 * scope of the app it found), so they may be percent-encoded like any name.
	 */
	private static final Set<String> NAMES = Set.of("application", "profile", "label");

	private static final Comparator<Route> MOST_SPECIFIC_FIRST = Comparator.comparing(Route::pattern,
			PathPattern.SPECIFICITY_COMPARATOR);

	/** The app id in the path, if the route has one. */
	UUID appId() {
		return this.ids.get("appId");
	}

	/** The secret id in the path, if the route has one. */
	UUID secretId() {
		return this.ids.get("secretId");
	}

	/**
	 * Reads the request against the route table, once per path (an error dispatch to
	 * another path is read anew).
	 * @param request the request
	 * @return what it is
	 */
	static RouteMatch of(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (request.getAttribute(ATTRIBUTE) instanceof Cached cached && cached.uri().equals(uri)
				&& cached.method().equals(request.getMethod())) {
			return cached.match();
		}
		RouteMatch match = read(request.getMethod(), uri, request.getContextPath());
		request.setAttribute(ATTRIBUTE, new Cached(request.getMethod(), uri, match));
		return match;
	}

	/**
	 * Reads a request line as Spring MVC does: the raw path split into segments, each
	 * percent-decoded, path parameters dropped; HEAD is answered by GET routes.
	 */
	static RouteMatch read(String method, String uri, String contextPath) {
		PathContainer path;
		try {
			path = RequestPath.parse(uri, contextPath).pathWithinApplication();
		}
		catch (IllegalArgumentException ex) {
			// Percent-encoding that does not decode: nothing can be read from it.
			return invalid(null, "path");
		}
		String effective = "HEAD".equals(method) ? "GET" : method;
		List<Route> samePath = Arrays.stream(Route.values())
			.filter((candidate) -> candidate.pattern().matches(path))
			.sorted(MOST_SPECIFIC_FIRST)
			.toList();
		Route route = samePath.stream()
			.filter((candidate) -> candidate.method().matches(effective))
			.findFirst()
			.orElse(null);
		// A path that only other methods answer (OPTIONS, 405) still gets its ids
		// checked.
		PathPattern checked = (route != null) ? route.pattern()
				: samePath.stream().findFirst().map(Route::pattern).orElse(null);
		if (checked == null) {
			String value = path.value();
			if (value.length() > 1 && value.endsWith("/")
					&& Arrays.stream(Route.values())
						.anyMatch((candidate) -> candidate.pattern()
							.matches(RequestPath.parse(uri.substring(0, uri.length() - 1), contextPath)
								.pathWithinApplication()))) {
				// "/apps/<id>/" is no route: refused as such, not left to a 404 past the
				// rules.
				return invalid(null, "path");
			}
			// No route, but under one's id ("/apps/<id>/anything"): the id is read and
			// the
			// scope applies all the same, so that the answer does not depend on the app.
			checked = UNDER_IDS.stream().filter((prefix) -> prefix.matches(path)).findFirst().orElse(null);
			if (checked == null) {
				return new RouteMatch(null, true, null, Map.of(), List.of());
			}
		}
		String encoded = encodedVariable(checked, path);
		if (encoded != null) {
			// "%2D" decodes to "-": the same id to every reader, but not its canonical
			// text.
			return invalid(route, encoded);
		}
		PathPattern.PathMatchInfo info = checked.matchAndExtract(path);
		Map<String, UUID> ids = new HashMap<>();
		for (Map.Entry<String, String> variable : info.getUriVariables().entrySet()) {
			if (REST.equals(variable.getKey())) {
				continue;
			}
			boolean read;
			if (VERSION.equals(variable.getKey())) {
				read = CanonicalIds.number(variable.getValue()) != null;
			}
			else if (KEY.equals(variable.getKey())) {
				read = CanonicalIds.key(variable.getValue()) != null;
			}
			else if (NAMES.contains(variable.getKey())) {
				read = !variable.getValue().isEmpty();
			}
			else {
				UUID id = CanonicalIds.uuid(variable.getValue());
				ids.put(variable.getKey(), id);
				read = id != null;
			}
			if (!read) {
				return invalid(route, variable.getKey());
			}
		}
		return new RouteMatch(route, true, null, Map.copyOf(ids), samePath);
	}

	private static RouteMatch invalid(Route route, String variable) {
		return new RouteMatch(route, false, variable, Map.of(), List.of());
	}

	/**
	 * The first path variable that the request spelled with percent-encoding, if any. Our
	 * patterns hold one literal or one variable per segment, so segment i of the path is
	 * part i of the pattern.
	 */
	private static String encodedVariable(PathPattern pattern, PathContainer path) {
		String[] parts = pattern.getPatternString().substring(1).split("/");
		List<PathContainer.PathSegment> segments = path.elements()
			.stream()
			.filter(PathContainer.PathSegment.class::isInstance)
			.map(PathContainer.PathSegment.class::cast)
			.toList();
		for (int i = 0; i < parts.length && i < segments.size(); i++) {
			if (parts[i].startsWith("{") && !parts[i].startsWith("{*")
					&& !NAMES.contains(parts[i].substring(1, parts[i].length() - 1))
					&& !segments.get(i).value().equals(segments.get(i).valueToMatch())) {
				return parts[i].substring(1, parts[i].length() - 1);
			}
		}
		return null;
	}

	private record Cached(String method, String uri, RouteMatch match) {
	}

}
