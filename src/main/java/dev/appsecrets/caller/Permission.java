package dev.appsecrets.caller;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.security.core.Authentication;

/**
 * What a token may do. Each is also the Spring Security authority of that name.
 */
public enum Permission {

	/** List and read apps. */
	APPS_READ("apps:read"),
	/** Create, rename and delete apps. */
	APPS_WRITE("apps:write"),
	/** List an app's secrets: keys and metadata, never values. */
	SECRETS_LIST("secrets:list"),
	/** Read secrets with their values. */
	SECRETS_READ("secrets:read"),
	/** Create, change and delete secrets. */
	SECRETS_WRITE("secrets:write"),
	/** Read the audit log. */
	AUDIT_READ("audit:read"),
	/**
	 * Scrape the metrics ({@code /actuator/prometheus}) on the main port, with a token
	 * allowed every app: no other access.
	 */
	METRICS_READ("metrics:read"),
	/** Manage tokens and encryption keys. */
	ADMIN("admin");

	private final String value;

	Permission(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Whether the caller holds this permission.
	 * @param caller the caller, or null for nobody
	 * @return true if it is among the caller's authorities
	 */
	public boolean heldBy(Authentication caller) {
		return caller != null && caller.isAuthenticated()
				&& caller.getAuthorities()
					.stream()
					.anyMatch((authority) -> this.value.equals(authority.getAuthority()));
	}

	/**
	 * The permission of that name.
	 * @param value a permission name such as {@code secrets:read}
	 * @return the permission, or null if there is none of that name (refused by
	 * validation)
	 */
	@JsonCreator
	public static Permission of(String value) {
		return Arrays.stream(values()).filter((permission) -> permission.value.equals(value)).findFirst().orElse(null);
	}

}
