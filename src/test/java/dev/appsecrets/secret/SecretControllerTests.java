package dev.appsecrets.secret;

import java.time.Instant;
import java.util.UUID;

import dev.appsecrets.web.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The secrets controller's request and error mapping alone (no database, no security
 * filters): bodies and ids read strictly, each service failure answered with its status.
 */
@ControllerSlice(SecretController.class)
class SecretControllerTests {

	private static final UUID APP = UUID.randomUUID();

	private static final UUID SECRET = UUID.randomUUID();

	private static final String PATH = "/apps/" + APP + "/secrets";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SecretService secrets;

	@MockitoBean
	private SecretHistory history;

	@MockitoBean
	private DeletedSecrets deleted;

	@MockitoBean
	private SecretTransfer transfer;

	@Test
	void aCreatedSecretAnswers201WithItsLocationAndETag() {
		Instant now = Instant.parse("2026-11-29T10:00:00Z");
		given(this.secrets.create(eq(APP), any()))
			.willReturn(new Tagged(new SecretResponse(SECRET, APP, "DB_PASSWORD", null, 1, now, now), "\"1.0\""));

		assertThat(this.mvc.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"DB_PASSWORD\",\"value\":\"s3cr3t\"}")).hasStatus(201)
			.hasHeader("Location", "http://localhost" + PATH + "/" + SECRET)
			.hasHeader("ETag", "\"1.0\"");
	}

	@Test
	void aBadKeyAMissingValueOrAValueOfAnotherTypeIs400NamingTheFieldAndNeverReachesTheService() {
		for (String body : new String[] { "{\"key\":\"BAD KEY\",\"value\":\"v\"}", "{\"key\":\"K\"}",
				"{\"key\":\"K\",\"value\":7}", "{\"key\":\"K\",\"value\":\"v\",\"appIdd\":1}" }) {
			assertThat(this.mvc.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(400)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.asString()
				.isIn("key", "value", "appIdd");
		}
		then(this.secrets).should(never()).create(any(), any());
	}

	@Test
	void theValueReachesTheServiceExactlyAndAValueOfAnotherTypeIsAskedForAsAString() {
		Instant now = Instant.parse("2026-11-29T10:00:00Z");
		given(this.secrets.create(eq(APP), any()))
			.willReturn(new Tagged(new SecretResponse(SECRET, APP, "K", null, 1, now, now), "\"1.0\""));

		assertThat(this.mvc.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"K\",\"value\":\" a\\u0000b\\nc \"}")).hasStatus(201);
		assertThat(this.mvc.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"K\",\"value\":[\"v\"]}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("must be a string");

		ArgumentCaptor<CreateSecretRequest> request = ArgumentCaptor.forClass(CreateSecretRequest.class);
		then(this.secrets).should().create(eq(APP), request.capture());
		assertThat(request.getValue().value().reveal()).isEqualTo(" a\0b\nc ");
	}

	@Test
	void eachServiceFailureIsAnsweredWithItsStatus() {
		given(this.secrets.get(APP, SECRET)).willThrow(new SecretNotFoundException(APP, SECRET));
		given(this.secrets.update(eq(APP), eq(SECRET), any(), any())).willThrow(new SecretKeyTakenException("TAKEN"));
		given(this.history.rotate(eq(APP), eq(SECRET), any(), eq("\"9.9\"")))
			.willThrow(new SecretUnreadableException(APP, SECRET, "K", "the value"));

		assertThat(this.mvc.get().uri(PATH + "/" + SECRET)).hasStatus(404);
		assertThat(this.mvc.patch()
			.uri(PATH + "/" + SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\":\"TAKEN\"}")).hasStatus(409);
		assertThat(this.mvc.post().uri(PATH + "/" + SECRET + "/rotate").header("If-Match", "\"9.9\"")).hasStatus(500)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("secret could not be decrypted");
	}

	@Test
	void aFlagThatIsNotTrueOrFalseIs400AndANonCanonicalIdNeverReachesAHandler() {
		assertThat(this.mvc.get().uri(PATH + "?values=yes")).hasStatus(400);
		// Without the filters that answer it 400, the route guard still refuses it.
		assertThat(this.mvc.get().uri(PATH + "/" + SECRET.toString().toUpperCase())).hasFailed();
		then(this.secrets).should(never()).list(any(), anyBoolean());
		then(this.secrets).should(never()).get(any(), any());
	}

}
