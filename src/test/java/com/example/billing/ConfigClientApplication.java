package com.example.billing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;

/**
 * A stock Spring Boot application that reads its settings through Spring Cloud Config, as
 * a team's service would: {@code @Value} fields, {@code @ConfigurationProperties}, and
 * the refresh scope. Outside the service's packages, so that neither the service's
 * component scan nor its tests take it for the service's configuration.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		RefreshAutoConfiguration.class })
@EnableConfigurationProperties(ConfigClientApplication.DataSourceSettings.class)
public class ConfigClientApplication {

	@Bean
	@RefreshScope
	Injected injected() {
		return new Injected();
	}

	/** The client's {@code @Value} fields, made anew on refresh (refresh scope). */
	public static class Injected {

		@Value("${SPRING_DATASOURCE_PASSWORD}")
		private String password;

		@Value("${API_KEY}")
		private String apiKey;

		public String password() {
			return this.password;
		}

		public String apiKey() {
			return this.apiKey;
		}

	}

	/**
	 * The client's {@code spring.datasource} settings, bound as Spring Boot binds them.
	 */
	@ConfigurationProperties("spring.datasource")
	public static class DataSourceSettings {

		private String password;

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

}
