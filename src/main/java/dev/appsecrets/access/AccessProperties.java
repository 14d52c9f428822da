package dev.appsecrets.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the service.
 *
 * @param adminToken the bootstrap administrator's bearer token, with every permission;
 * required with an external database (with the embedded development database one is
 * generated under ./data/)
 * @param corsAllowedOrigins origins whose browsers may call the API (the frontend); none
 * by default
 * @param jwtPermissionsClaim the JWT claim that lists a caller's permissions, when JWTs
 * are accepted
 * @param jwtAppIdsClaim the JWT claim that lists the app ids a caller is limited to;
 * absent means every app
 */
@Validated
@ConfigurationProperties("secrets")
record AccessProperties(String adminToken, @DefaultValue List<String> corsAllowedOrigins,
		@DefaultValue("permissions") String jwtPermissionsClaim, @DefaultValue("app_ids") String jwtAppIdsClaim) {

	@Override
	public String toString() {
		// The record's own toString would print the admin token.
		return "AccessProperties[adminToken=" + ((this.adminToken != null) ? "(set)" : "(unset)")
				+ ", corsAllowedOrigins=" + this.corsAllowedOrigins + "]";
	}

}
