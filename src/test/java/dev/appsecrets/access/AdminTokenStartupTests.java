package dev.appsecrets.access;

import java.io.IOException;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.TestDatabase;
import dev.appsecrets.web.StartupRefusal;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With a real database and no admin token, the service refuses to start and says what to
 * set.
 */
class AdminTokenStartupTests {

	@Test
	void withAnExternalDatabaseAndNoAdminTokenStartupIsRefusedSayingWhatToSet() throws IOException {
		try (TestDatabase.Fresh database = TestDatabase.freshDatabase()) {
			assertThatThrownBy(() -> new SpringApplicationBuilder(AppSecretsVaultApplication.class).run(
					"--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--secrets.master-key=" + TestDatabase.MASTER_KEY))
				.satisfies((ex) -> {
					Throwable cause = ex;
					while (cause != null && !(cause instanceof StartupRefusal)) {
						cause = cause.getCause();
					}
					assertThat(cause).isInstanceOf(StartupRefusal.class);
					assertThat(cause.getMessage()).contains("admin token");
					assertThat(((StartupRefusal) cause).action()).contains("SECRETS_ADMIN_TOKEN");
				});
		}
	}

}
