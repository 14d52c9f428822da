package dev.appsecrets.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import dev.appsecrets.caller.Permission;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final AdminToken adminToken;

	private final AccessTokenRepository tokens;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TokenAuthenticationProvider(AdminToken adminToken, AccessTokenRepository tokens, TransactionTemplate transactions,
			Clock clock) {
		this.adminToken = adminToken;
		this.tokens = tokens;
		this.transactions = transactions;
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
			return this.transactions.execute((status) -> {
				Instant now = this.clock.instant();
				AccessToken found = this.tokens.findByTokenHash(TokenHashes.hash(token))
					.filter((candidate) -> candidate.usableAt(now))
					.filter((candidate) -> candidate.issuedBy() == null
							|| this.tokens.issuersUsable(candidate.issuedBy(), now))
					.orElseThrow(() -> new BadCredentialsException(INVALID));
				// One column, under a condition: never a save of the row this request
				// read,
				// which would write back a revoked_at that was null when it was read.
				Instant markedBefore = now.minus(LAST_USED_RESOLUTION);
				if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(markedBefore)) {
					this.tokens.markUsed(found.id(), now.truncatedTo(ChronoUnit.MICROS), markedBefore);
				}
				return new CallerAuthentication(found.id().toString(), found.name(), found.permissions(),
						found.appIds(), found.id(), found.expiresAt());
			});
		}
		catch (DataAccessException | TransactionException ex) {
			throw new CredentialsUncheckableException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
