package dev.appsecrets.access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.app.AppService;
import dev.appsecrets.audit.AuditedEvent.TokenChanged;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.caller.AppScope;
import dev.appsecrets.caller.Permission;
import dev.appsecrets.web.InvalidRequestException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes API tokens. A token can grant only what its issuer holds: its
 * permissions and apps lie within the issuer's, and a caller limited to some apps sees
 * and revokes only tokens limited to those apps.
 */
@Service
class TokenService {

	private final AccessTokenRepository tokens;

	private final AppService apps;

	private final AuditLog audit;

	private final Clock clock;

	TokenService(AccessTokenRepository tokens, AppService apps, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.apps = apps;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Makes a token; the answer is the only place the token ever appears.
	 * @throws AccessDeniedException if it would grant a permission or an app the caller
	 * does not hold (403)
	 */
	@Transactional
	TokenResponse create(CreateTokenRequest request) {
		InvalidRequestException.requireSupported("expiresAt", request.expiresAt(), false);
		Set<Permission> permissions = EnumSet.copyOf(request.permissions());
		Set<UUID> appIds = (request.appIds() != null) ? new LinkedHashSet<>(request.appIds()) : null;
		if (permissions.contains(Permission.ADMIN) && appIds != null) {
			// An admin limited to apps could still not be limited in what it administers.
			throw new InvalidRequestException("appIds", "an admin token cannot be limited to apps");
		}
		Authentication issuer = SecurityContextHolder.getContext().getAuthentication();
		Set<Permission> missing = EnumSet.copyOf(permissions);
		missing.removeIf((permission) -> permission.heldBy(issuer));
		if (!missing.isEmpty()) {
			throw new TokenExceedsIssuerException("A token can grant only permissions its issuer holds");
		}
		Set<UUID> issuerApps = AppScope.limitedTo(issuer);
		if (issuerApps != null && (appIds == null || !issuerApps.containsAll(appIds))) {
			throw new TokenExceedsIssuerException("The issuer is limited to apps: give appIds, all among its own");
		}
		UUID issuedBy = null;
		if (issuer instanceof CallerAuthentication caller && caller.tokenId() != null) {
			// Issued under an API token: it may not outlive it, and dies with it.
			Instant limit = caller.expiresAt();
			if (limit != null && (request.expiresAt() == null
					|| request.expiresAt().truncatedTo(ChronoUnit.MICROS).isAfter(limit))) {
				throw new TokenExceedsIssuerException(
						"A token cannot outlive the token that issues it: give an expiresAt no later than " + limit);
			}
			issuedBy = caller.tokenId();
			if (!this.tokens.lockNotRevoked(issuedBy).orElse(false)) {
				throw new BadCredentialsException(TokenAuthenticationProvider.INVALID);
			}
		}
		if (appIds != null) {
			for (UUID appId : appIds) {
				if (!this.apps.exists(appId)) {
					throw new InvalidRequestException("appIds", "no app has id " + appId);
				}
			}
		}
		String token = TokenHashes.newToken();
		AccessToken created = this.tokens.save(new AccessToken(request.name(), TokenHashes.hash(token), permissions,
				appIds, request.expiresAt(), this.clock.instant(), issuedBy));
		this.audit.record(TokenChanged.created(created.id()));
		return TokenResponse.from(created, token);
	}

	/** The tokens within the caller's reach. */
	@Transactional(readOnly = true)
	TokenListResponse list() {
		Set<UUID> callerApps = AppScope.current();
		return new TokenListResponse(this.tokens.findAllByOrderByCreatedAt()
			.stream()
			.filter((token) -> token.within(callerApps))
			.map((token) -> TokenResponse.from(token, null))
			.toList());
	}

	/**
	 * Revokes at once, with every token issued under it: the next request with any of
	 * them is refused.
	 * @throws AccessDeniedException if the token is outside the caller's reach (403)
	 */
	@Transactional
	void revoke(UUID id) {
		AccessToken token = this.tokens.findById(id).orElseThrow(() -> new TokenNotFoundException(id));
		if (!token.within(AppScope.current())) {
			throw new AccessDeniedException("Token outside the caller's reach");
		}
		// Waits for tokens being issued under it to commit, so the next statement sees
		// them.
		this.tokens.lockNotRevoked(id);
		this.tokens.revokeWithLineage(id, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.audit.record(TokenChanged.revoked(id));
	}

}
