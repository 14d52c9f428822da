package dev.appsecrets.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import dev.appsecrets.web.StartupRefusal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Loads the bootstrap admin token: {@code SECRETS_ADMIN_TOKEN}, else (with the embedded
 * development database only) a token generated under {@code ./data/}. Without one the
 * service refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class AdminTokenConfiguration {

	private static final Log log = LogFactory.getLog(AdminTokenConfiguration.class);

	/** Shorter admin tokens are accepted, with a warning: they can be guessed. */
	private static final int RECOMMENDED_LENGTH = 32;

	@Bean
	AdminToken adminToken(AccessProperties properties, ObjectProvider<DevelopmentAdminToken> development) {
		if (StringUtils.hasText(properties.adminToken())) {
			if (properties.adminToken().strip().length() < RECOMMENDED_LENGTH) {
				log.warn("SECRETS_ADMIN_TOKEN is shorter than " + RECOMMENDED_LENGTH
						+ " characters; use a random one, e.g. openssl rand -base64 32");
			}
			return new AdminToken(properties.adminToken().strip());
		}
		DevelopmentAdminToken generated = development.getIfAvailable();
		if (generated != null) {
			try {
				return new AdminToken(Files.readString(generated.file(), StandardCharsets.US_ASCII).strip());
			}
			catch (IOException ex) {
				throw new StartupRefusal("Admin token file " + generated.file() + " cannot be read.",
						"Check the file's permissions, or set SECRETS_ADMIN_TOKEN.");
			}
		}
		throw new StartupRefusal("No admin token is configured, and one is required with an external database.",
				"Set SECRETS_ADMIN_TOKEN to a long random string, e.g. openssl rand -base64 32. It is the bootstrap "
						+ "administrator's bearer token: use it to create scoped API tokens.");
	}

}
