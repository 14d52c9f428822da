package dev.appsecrets;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * App Secrets Vault: keeps the secret variables of applications in PostgreSQL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AppSecretsVaultApplication {

	public static void main(String[] args) {
		SpringApplication.run(AppSecretsVaultApplication.class, args);
	}

	/**
	 * One clock for every timestamp the service writes, so tests can reason about time.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
