package dev.appsecrets.audit;

import java.util.List;

import dev.appsecrets.web.ControllerSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The audit controller's parameter checks alone: every filter that is not what it says is
 * a 400 naming it, and reaches no query.
 */
@ControllerSlice(AuditController.class)
// The slice leaves the audit package out (its filters need a database); the controller
// is brought in by itself.
@Import(AuditController.class)
class AuditControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AuditQuery query;

	@MockitoBean
	private AuditChain chain;

	@MockitoBean
	private AuditChainVerifier verifier;

	@Test
	void theFiltersReachTheQueryAsGiven() {
		given(this.query.find(any(), any(), eq("secret.read"), eq("admin"), eq("denied"), any(), any(), any(), eq(10),
				any()))
			.willReturn(new AuditEventListResponse(List.of(), null));

		assertThat(this.mvc.get().uri("/audit-events?action=secret.read&actor=admin&outcome=denied&limit=10"))
			.hasStatus(200)
			.bodyJson()
			.extractingPath("$.events")
			.asArray()
			.isEmpty();
	}

	@Test
	void aFilterThatIsNotWhatItSaysIs400NamingIt() {
		for (String query : new String[] { "outcome=DENIED", "outcome=denied%0A", "action=Secret.Read", "limit=0",
				"limit=501", "limit=1e2", "from=yesterday", "to=2026-13-01T00:00:00Z", "requestId=a%20b",
				"appId=not-a-uuid", "actor=" + "a".repeat(201) }) {
			assertThat(this.mvc.get().uri("/audit-events?" + query)).as(query)
				.hasStatus(400)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.asString()
				.isEqualTo(query.substring(0, query.indexOf('=')));
		}
		then(this.query).should(never()).find(any(), any(), any(), any(), any(), any(), any(), any(), anyInt(), any());
	}

	@Test
	void anExpectedHeadThatIsNotAHashIs400() {
		assertThat(this.mvc.get().uri("/audit-events/verify?expectedHead=XYZ")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("expectedHead");
		then(this.verifier).should(never()).verify(any());
	}

}
