package dev.appsecrets.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.appsecrets.ApiTest;
import dev.appsecrets.caller.Permission;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Route} table is the one list of routes: it names exactly the controllers'
 * mappings (so a new route cannot miss its rule), and the README's permission table says
 * exactly what it says.
 */
class RouteTableTests extends ApiTest {

	private static final Pattern README_ROW = Pattern
		.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` \\| ([^|]+) \\| ([^|]+) \\|$", Pattern.MULTILINE);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyMappedRouteOfTheServiceHasExactlyOneRowAndEveryRowAMapping() {
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getName().startsWith("dev.appsecrets.")) {
				info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> info.getPathPatternsCondition()
						.getPatternValues()
						.forEach((pattern) -> mapped.add(method.name() + " " + pattern)));
			}
		});
		Set<String> rows = Arrays.stream(Route.values())
			.map((route) -> route.method().name() + " " + route.pattern().getPatternString())
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(rows).hasSize(Route.values().length);
		assertThat(mapped).isEqualTo(rows);
	}

	@Test
	void theReadmePermissionTableSaysWhatTheRouteTableSays() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("| route | permission (any of) |");
		assertThat(start).isNotNegative();
		readme = readme.substring(start, readme.indexOf("\n\n", start));
		Set<String> documented = new TreeSet<>();
		Matcher row = README_ROW.matcher(readme);
		while (row.find()) {
			Set<Permission> permissions = EnumSet.noneOf(Permission.class);
			Matcher named = Pattern.compile("`([a-z:]+)`").matcher(row.group(3));
			while (named.find()) {
				permissions.add(Permission.of(named.group(1)));
			}
			documented.add(row.group(1) + " " + row.group(2) + " " + permissions + " " + reach(row.group(4).trim()));
		}
		Set<String> table = Arrays.stream(Route.values())
			.map((route) -> route.method().name() + " " + route.pattern().getPatternString() + " " + route.permissions()
					+ " " + route.reach())
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(documented).isEqualTo(table);
	}

	private static Route.Reach reach(String words) {
		if (words.startsWith("only its apps")) {
			return Route.Reach.PATH_APP;
		}
		if (words.startsWith("narrowed to its apps")) {
			return Route.Reach.OWN_APPS;
		}
		if (words.startsWith("refused")) {
			return Route.Reach.ALL_APPS;
		}
		throw new IllegalArgumentException("README scope not understood: " + words);
	}

}
