package dev.appsecrets.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.appsecrets.web.ControllerSlice;
import dev.appsecrets.web.SecretValue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

/**
 * The tokens controller's request and error mapping alone: the token appears in the
 * answer to its creation, bad requests never reach the service.
 */
@ControllerSlice(TokenController.class)
class TokenControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private TokenService tokens;

	@Test
	void aCreatedTokenAnswers201WithItsLocationAndTheTokenOnce() {
		UUID id = UUID.randomUUID();
		given(this.tokens.create(any())).willReturn(new TokenResponse(id, "ci", List.of("secrets:read"), null,
				Instant.parse("2026-11-29T10:00:00Z"), null, null, false, SecretValue.of("sv_once")));

		assertThat(this.mvc.post()
			.uri("/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"ci\",\"permissions\":[\"secrets:read\"]}")).hasStatus(201)
			.hasHeader("Location", "http://localhost/tokens/" + id)
			.bodyJson()
			.extractingPath("$.token")
			.isEqualTo("sv_once");
	}

	@Test
	void anUnknownPermissionAMisspelledFieldABlankNameOrAPastExpiryIs400() {
		for (String body : new String[] { "{\"name\":\"ci\",\"permissions\":[\"secrets:everything\"]}",
				"{\"name\":\"ci\",\"permissions\":[\"admin\"],\"app_ids\":[]}",
				"{\"name\":\" \",\"permissions\":[\"admin\"]}", "{\"name\":\"ci\",\"permissions\":[]}",
				"{\"name\":\"ci\",\"permissions\":[\"admin\"],\"expiresAt\":\"2000-01-01T00:00:00Z\"}",
				"{\"name\":\"ci\",\"permissions\":[\"admin\"],\"appIds\":[\""
						+ UUID.randomUUID().toString().toUpperCase() + "\"]}" }) {
			assertThat(this.mvc.post().uri("/tokens").contentType(MediaType.APPLICATION_JSON).content(body)).as(body)
				.hasStatus(400)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		then(this.tokens).should(never()).create(any());
	}

	@Test
	void revokingAnUnknownTokenIs404AndAKnownOne204() {
		UUID unknown = UUID.randomUUID();
		UUID known = UUID.randomUUID();
		willThrow(new TokenNotFoundException(unknown)).given(this.tokens).revoke(unknown);

		assertThat(this.mvc.delete().uri("/tokens/" + unknown)).hasStatus(404)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains(unknown.toString());
		assertThat(this.mvc.delete().uri("/tokens/" + known)).hasStatus(204);
		then(this.tokens).should().revoke(known);
	}

}
