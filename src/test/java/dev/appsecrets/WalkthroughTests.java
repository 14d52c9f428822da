package dev.appsecrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough runs as written: docs/walkthrough.sh with bash and curl
 * against the running service, as a new user would paste it, and the README shows those
 * very commands.
 */
class WalkthroughTests extends ApiTest {

	private static final Path SCRIPT = Path.of("docs/walkthrough.sh");

	@Test
	void theWalkthroughRunsTopToBottomAgainstTheService(@TempDir Path directory) throws Exception {
		ProcessBuilder walkthrough = new ProcessBuilder("bash", SCRIPT.toAbsolutePath().toString())
			.directory(directory.toFile())
			.redirectErrorStream(true);
		walkthrough.environment().put("BASE_URL", "http://localhost:" + port());
		walkthrough.environment().put("TOKEN", TestDatabase.ADMIN_TOKEN);
		Process process = walkthrough.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("walkthrough done")
			.contains("\"key\":\"DATABASE_PASSWORD\"")
			.contains("DATABASE_URL=postgres://db:5432/billing")
			.contains("\"intact\":true");
		assertThat(directory).isEmptyDirectory();
	}

	@Test
	void theReadmeShowsTheWalkthroughsCommands() throws IOException {
		String script = Files.readString(SCRIPT);
		String commands = script.substring(script.indexOf("BASE_URL=${BASE_URL"));
		assertThat(Files.readString(Path.of("README.md"))).contains("```sh\n" + commands + "```");
	}

}
