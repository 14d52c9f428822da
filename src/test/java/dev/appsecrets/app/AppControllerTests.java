package dev.appsecrets.app;

import java.time.Instant;
import java.util.UUID;

import dev.appsecrets.web.ControllerSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.any;

/**
 * The apps controller's request and error mapping alone (no database, no security
 * filters): what reaches the service, and how each failure is answered.
 */
@ControllerSlice(AppController.class)
class AppControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AppService apps;

	@Test
	void aCreatedAppAnswers201WithItsLocation() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.parse("2026-11-29T10:00:00Z");
		given(this.apps.create("billing")).willReturn(new AppResponse(id, "billing", now, now));

		assertThat(
				this.mvc.post().uri("/apps").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"billing\"}"))
			.hasStatus(201)
			.hasHeader("Location", "http://localhost/apps/" + id)
			.bodyJson()
			.extractingPath("$.createdAt")
			.isEqualTo("2026-11-29T10:00:00Z");
	}

	@Test
	void aBlankOrTooLongOrMisspelledNameIs400NamingTheFieldAndNeverReachesTheService() {
		for (String body : new String[] { "{\"name\":\"  \"}", "{\"name\":\"" + "x".repeat(101) + "\"}",
				"{\"nmae\":\"x\"}", "{\"name\":7}" }) {
			assertThat(this.mvc.post().uri("/apps").contentType(MediaType.APPLICATION_JSON).content(body))
				.hasStatus(400)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.asString()
				.isIn("name", "nmae");
		}
		then(this.apps).should(never()).create(any());
	}

	@Test
	void anUnknownAppIs404AndANonCanonicalIdIs400() {
		UUID id = UUID.randomUUID();
		given(this.apps.get(id)).willThrow(new AppNotFoundException(id));

		assertThat(this.mvc.get().uri("/apps/" + id)).hasStatus(404)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains(id.toString());
		assertThat(this.mvc.get().uri("/apps?limit=0")).hasStatus(400);
		assertThat(this.mvc.get().uri("/apps?limit=0x10")).hasStatus(400);
	}

	@Test
	void aBodyThatIsNotJsonIs415AndAMethodTheRouteDoesNotTakeIs405() {
		assertThat(this.mvc.post().uri("/apps").contentType(MediaType.TEXT_PLAIN).content("billing")).hasStatus(415);
		assertThat(this.mvc.put().uri("/apps")).hasStatus(405);
	}

}
