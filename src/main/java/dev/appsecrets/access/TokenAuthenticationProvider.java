package dev.appsecrets.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.appsecrets.caller.Permission;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Authenticates the admin token and API tokens ({@code sv_...}); leaves other bearer
 * tokens to the JWT provider, if one is configured. Every request looks its token up, so
 * a revoked or expired token is refused from the next request on.
 */
@Component
class TokenAuthenticationProvider implements AuthenticationProvider {

	/**
	 * The same answer for a guessed, expired or revoked token: the difference is nobody's
	 * business.
	 */
	static final String INVALID = "Invalid bearer token";

	/** lastUsedAt is written at most this often per token, not on every request. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private static final String LOOKUP = "SELECT id, name, permissions, app_ids, expires_at, last_used_at, "
			+ "revoked_at, issued_by FROM access_tokens WHERE token_hash = ?";

	private final AdminToken adminToken;

	private final JdbcClient jdbc;

	private final AccessTokenRepository tokens;

	private final Clock clock;

	TokenAuthenticationProvider(AdminToken adminToken, JdbcClient jdbc, AccessTokenRepository tokens, Clock clock) {
		this.adminToken = adminToken;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (this.adminToken.matches(token)) {
			return new CallerAuthentication("admin", "admin", EnumSet.allOf(Permission.class), null);
		}
		if (!token.startsWith(TokenHashes.PREFIX)) {
			return null;
		}
		try {
			Instant now = this.clock.instant();
			// One indexed query with plain JDBC, outside any transaction: the request
			// path's
			// token lookup, so no persistence context and no BEGIN/COMMIT around it.
			Found found = this.jdbc.sql(LOOKUP)
				.param(TokenHashes.hash(token))
				.query(TokenAuthenticationProvider::found)
				.optional()
				.filter((candidate) -> candidate.usableAt(now))
				.filter((candidate) -> candidate.issuedBy() == null
						|| this.tokens.issuersUsable(candidate.issuedBy(), now))
				.orElseThrow(() -> new BadCredentialsException(INVALID));
			// One column, under a condition: never a write of what this request read,
			// which
			// would put back a revoked_at that was null when it was read.
			Instant markedBefore = now.minus(LAST_USED_RESOLUTION);
			if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(markedBefore)) {
				this.tokens.markUsed(found.id(), now.truncatedTo(ChronoUnit.MICROS), markedBefore);
			}
			return new CallerAuthentication(found.id().toString(), found.name(), found.permissions(), found.appIds(),
					found.id(), found.expiresAt());
		}
		catch (DataAccessException | TransactionException ex) {
			throw new CredentialsUncheckableException(ex);
		}
	}

	private static Found found(ResultSet row, int n) throws SQLException {
		Set<Permission> permissions = Arrays.stream((String[]) row.getArray(3).getArray())
			.map(Permission::of)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Array apps = row.getArray(4);
		Set<UUID> appIds = (apps != null) ? new LinkedHashSet<>(Arrays.asList((UUID[]) apps.getArray())) : null;
		return new Found(row.getObject(1, UUID.class), row.getString(2), permissions, appIds, instant(row, 5),
				instant(row, 6), instant(row, 7), row.getObject(8, UUID.class));
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** A token's row, as authentication needs it. */
	private record Found(UUID id, String name, Set<Permission> permissions, Set<UUID> appIds, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt, UUID issuedBy) {

		boolean usableAt(Instant now) {
			return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
