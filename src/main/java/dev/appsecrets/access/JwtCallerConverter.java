package dev.appsecrets.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.caller.Permission;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified JWT (signature, expiry, issuer and audience are checked before) into a
 * caller: its subject, the permissions in the configured claim, and optionally the apps
 * it is limited to. Unknown permission names are ignored.
 */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String permissionsClaim;

	private final String appIdsClaim;

	JwtCallerConverter(String permissionsClaim, String appIdsClaim) {
		this.permissionsClaim = permissionsClaim;
		this.appIdsClaim = appIdsClaim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		strings(jwt.getClaim(this.permissionsClaim)).stream()
			.map(Permission::of)
			.filter(Objects::nonNull)
			.forEach(permissions::add);
		Set<UUID> appIds = null;
		if (jwt.hasClaim(this.appIdsClaim)) {
			appIds = new LinkedHashSet<>();
			for (String id : strings(jwt.getClaim(this.appIdsClaim))) {
				try {
					appIds.add(UUID.fromString(id));
				}
				catch (IllegalArgumentException ex) {
					// Not an app id: grants nothing.
				}
			}
		}
		return new CallerAuthentication("jwt:" + jwt.getSubject(), jwt.getSubject(), permissions, appIds);
	}

	private static Set<String> strings(Object claim) {
		Set<String> values = new LinkedHashSet<>();
		if (claim instanceof Collection<?> collection) {
			collection.forEach((item) -> values.add(String.valueOf(item)));
		}
		else if (claim instanceof String text) {
			for (String part : text.split("[\\s,]+")) {
				if (!part.isEmpty()) {
					values.add(part);
				}
			}
		}
		return values;
	}

}
