package dev.appsecrets.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.app.AppService;
import dev.appsecrets.audit.AuditActions;
import dev.appsecrets.audit.AuditLog;
import dev.appsecrets.web.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes API tokens.
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

	/** Makes a token; the answer is the only place the token ever appears. */
	@Transactional
	TokenResponse create(CreateTokenRequest request) {
		Set<UUID> appIds = null;
		if (request.appIds() != null) {
			appIds = new LinkedHashSet<>(request.appIds());
			for (UUID appId : appIds) {
				if (!this.apps.exists(appId)) {
					throw new InvalidRequestException("appIds", "no app has id " + appId);
				}
			}
		}
		String token = TokenHashes.newToken();
		AccessToken created = this.tokens.save(new AccessToken(request.name(), TokenHashes.hash(token),
				EnumSet.copyOf(request.permissions()), appIds, request.expiresAt(), this.clock.instant()));
		this.audit.recordToken(AuditActions.TOKEN_CREATE, created.id());
		return TokenResponse.from(created, token);
	}

	@Transactional(readOnly = true)
	TokenListResponse list() {
		return new TokenListResponse(this.tokens.findAllByOrderByCreatedAt()
			.stream()
			.map((token) -> TokenResponse.from(token, null))
			.toList());
	}

	/** Revokes at once: the next request with the token is refused. */
	@Transactional
	void revoke(UUID id) {
		this.tokens.findById(id).orElseThrow(() -> new TokenNotFoundException(id)).revoke(this.clock.instant());
		this.audit.recordToken(AuditActions.TOKEN_REVOKE, id);
	}

}
