package dev.appsecrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A setting out of its range refuses start-up with a message that names it, instead of
 * being taken (a batch size of 0 silently stopped re-encryption).
 */
class SettingsStartupTests {

	@ParameterizedTest
	// One of each kind (a number, a duration, a schedule, a nested limit, a choice): each
	// case starts the service.
	@CsvSource({ "secrets.reencryption.batch-size,0", "secrets.deleted-retention,0s",
			"secrets.audit.prune-cron,every day", "secrets.rate-limit.value-reads.capacity,0",
			"secrets.rate-limit.store,redis" })
	void aSettingOutOfRangeRefusesStartupNamingIt(String setting, String value) {
		List<String> arguments = new ArrayList<>(Arrays.asList(TestDatabase.arguments()));
		arguments.add("--server.port=0");
		arguments.add("--" + setting + "=" + value);

		assertThatThrownBy(() -> new SpringApplicationBuilder(AppSecretsVaultApplication.class)
			.run(arguments.toArray(String[]::new))
			.close()).satisfies((ex) -> {
				StringBuilder messages = new StringBuilder();
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					messages.append(cause.getMessage()).append('\n');
				}
				// A nested limit is named by its prefix and its bound path
				// (secrets.rate-limit ... valueReads.capacity).
				String named = setting.replace("value-reads.", "valueReads.");
				String prefix = named.equals(setting) ? setting : "secrets.rate-limit";
				org.assertj.core.api.Assertions.assertThat(messages.toString())
					.contains(prefix, named.substring(named.equals(setting) ? 0 : prefix.length() + 1));
			});
	}

}
