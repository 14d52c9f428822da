package dev.appsecrets.audit;

import java.time.Instant;
import java.util.UUID;

import dev.appsecrets.caller.AppScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the audit log: {@code /audit-events} (permission {@code audit:read}).
 */
@RestController
@RequestMapping(path = "/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Who read or changed what, when and from where (permission audit:read)")
class AuditController {

	private final AuditQuery query;

	private final AuditChain chain;

	private final AuditChainVerifier verifier;

	AuditController(AuditQuery query, AuditChain chain, AuditChainVerifier verifier) {
		this.query = query;
		this.chain = chain;
		this.verifier = verifier;
	}

	@GetMapping
	@Operation(operationId = "listAuditEvents", summary = "Audit events, newest first, a page at a time",
			description = "A caller limited to some apps sees only the events of those apps (none of token or key "
					+ "administration); an appId outside them answers 403.")
	AuditEventListResponse list(@RequestParam(required = false) UUID appId,
			@RequestParam(required = false) UUID secretId,
			@Parameter(description = "An action name, such as secret.read") @RequestParam(required = false) @Pattern(
					regexp = "[a-z]+(\\.[a-z]+)*",
					message = "must be an action name such as secret.read") String action,
			@Parameter(description = "Token id, admin, jwt:<subject>, or a token name") @RequestParam(
					required = false) @Pattern(regexp = "[^\\p{Cntrl}]{1,200}",
							message = "must be 1 to 200 characters without control characters") String actor,
			@RequestParam(required = false) @Pattern(regexp = "success|denied|failed",
					message = "must be success, denied or failed") String outcome,
			@Parameter(description = "The X-Request-Id of the request") @RequestParam(required = false) @Pattern(
					regexp = "[A-Za-z0-9._:-]{1,128}",
					message = "must be 1 to 128 of A-Z a-z 0-9 . _ : -") String requestId,
			@Parameter(description = "From this instant (RFC 3339), inclusive") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "Until this instant (RFC 3339), exclusive") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(
					defaultValue = "50") @Min(1) @Max(500) int limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		return this.query.find(appId, secretId, action, actor, outcome, requestId, from, to, limit, cursor);
	}

	@GetMapping("/verify")
	@Operation(operationId = "verifyAuditEvents",
			summary = "Recompute the hash chain and report the first altered, removed or inserted event",
			description = "Needs audit:read and a caller allowed every app.")
	AuditVerification verify(@Parameter(
			description = "A chain head hash kept outside the database (from GET /audit-events/head or the log): "
					+ "the chain must still contain it") @RequestParam(required = false) @Pattern(
							regexp = "[0-9a-f]{64}",
							message = "must be 64 lower-case hex digits") String expectedHead) {
		// The chain spans every app's events: only a caller allowed every app may walk
		// it.
		AppScope.requireUnlimited();
		return this.verifier.verify(expectedHead);
	}

	@GetMapping("/head")
	@Operation(operationId = "auditChainHead", summary = "The head of the audit hash chain",
			description = "Keep it outside the database (a ticket, another system) and pass it later as "
					+ "expectedHead to verify: that detects a rewrite or a removal of the newest events together "
					+ "with their seal records. Needs audit:read and a caller allowed every app.")
	AuditChainHead head() {
		AppScope.requireUnlimited();
		AuditChain.Head head = this.chain.head();
		return new AuditChainHead(head.position(), head.seq(), head.hex());
	}

	/**
	 * The chain's head.
	 *
	 * @param position how many events have been sealed into the chain
	 * @param seq the seq of the last sealed event, absent while none is
	 * @param hash its chain hash, as hex
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "AuditChainHead")
	record AuditChainHead(long position, Long seq, String hash) {
	}

}
