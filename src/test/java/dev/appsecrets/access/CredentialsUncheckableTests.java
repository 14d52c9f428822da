package dev.appsecrets.access;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A token that cannot be checked because the database is down stays a 503 when JWTs are
 * accepted too: the provider chain must stop at it, not go on to the JWT provider, whose
 * "invalid token" would make the outage look like a revoked token (a 401).
 */
class CredentialsUncheckableTests {

	@Test
	void anOutageWhileCheckingAnApiTokenIsNotPassedOnToTheJwtProvider() {
		TransactionTemplate transactions = mock(TransactionTemplate.class);
		given(transactions.execute(any())).willThrow(new CannotCreateTransactionException("database down"));
		TokenAuthenticationProvider tokens = new TokenAuthenticationProvider(new AdminToken("a".repeat(40)),
				mock(AccessTokenRepository.class), transactions, Clock.systemUTC());
		JwtDecoder decoder = mock(JwtDecoder.class);
		given(decoder.decode(any())).willThrow(new BadJwtException("not a JWT"));
		ProviderManager providers = new ProviderManager(List.of(tokens, new JwtAuthenticationProvider(decoder)));

		assertThatExceptionOfType(CredentialsUncheckableException.class)
			.isThrownBy(() -> providers.authenticate(new BearerTokenAuthenticationToken("sv_" + "b".repeat(43))));
	}

}
