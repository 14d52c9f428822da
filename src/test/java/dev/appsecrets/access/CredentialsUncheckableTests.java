package dev.appsecrets.access;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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
		JdbcClient jdbc = mock(JdbcClient.class);
		given(jdbc.sql(anyString())).willThrow(new CannotGetJdbcConnectionException("database down"));
		TokenAuthenticationProvider tokens = new TokenAuthenticationProvider(new AdminToken("a".repeat(40)), jdbc,
				mock(AccessTokenRepository.class), Clock.systemUTC());
		JwtDecoder decoder = mock(JwtDecoder.class);
		given(decoder.decode(any())).willThrow(new BadJwtException("not a JWT"));
		ProviderManager providers = new ProviderManager(List.of(tokens, new JwtAuthenticationProvider(decoder)));

		assertThatExceptionOfType(CredentialsUncheckableException.class)
			.isThrownBy(() -> providers.authenticate(new BearerTokenAuthenticationToken("sv_" + "b".repeat(43))));
	}

}
