package dev.appsecrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages and their one-way dependencies, checked by Spring Modulith: no
 * cycle, no reach into another feature's internals, and the README's package table names
 * exactly the packages there are and what each depends on.
 */
class ModuleStructureTests {

	private static final ApplicationModules modules = ApplicationModules.of(AppSecretsVaultApplication.class);

	private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z]+)` \\| ([^|]*) \\| ([^|]+) \\|$",
			Pattern.MULTILINE);

	@Test
	void featurePackagesHaveNoCyclesAndUseOnlyEachOthersApis() {
		modules.verify();
	}

	@Test
	void theReadmePackageTableSaysWhatEachPackageDependsOn() throws IOException {
		Map<String, String> actual = new TreeMap<>();
		for (ApplicationModule module : modules) {
			actual.put(module.getName(),
					module.getDirectDependencies(modules)
						.uniqueModules()
						.map(ApplicationModule::getName)
						.collect(Collectors.toCollection(TreeSet::new))
						.toString());
		}
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("| package | depends on | holds |");
		assertThat(start).isNotNegative();
		Map<String, String> documented = new TreeMap<>();
		Matcher row = README_ROW.matcher(readme.substring(start, readme.indexOf("\n\n", start)));
		while (row.find()) {
			documented.put(row.group(1),
					Pattern.compile("`([a-z]+)`")
						.matcher(row.group(2))
						.results()
						.map((match) -> match.group(1))
						.collect(Collectors.toCollection(TreeSet::new))
						.toString());
		}

		assertThat(documented).isEqualTo(actual);
	}

}
