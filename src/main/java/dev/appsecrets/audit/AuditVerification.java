package dev.appsecrets.audit;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The result of recomputing the audit chain.
 *
 * @param intact whether every sealed event is as it was sealed
 * @param eventsVerified how many sealed events were checked before the first problem
 * @param unsealedEvents events too recent to be sealed yet (not yet covered by the chain)
 * @param problem the first problem found, if any
 */
@Schema(name = "AuditVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuditVerification(boolean intact, long eventsVerified, Long unsealedEvents, Problem problem) {

	static AuditVerification intact(long verified, long unsealed) {
		return new AuditVerification(true, verified, unsealed, null);
	}

	static AuditVerification broken(long verified, String kind, AuditEvent event, String detail) {
		return new AuditVerification(false, verified, null,
				new Problem(kind, (event != null) ? event.id() : null, (event != null) ? event.seq() : null, detail));
	}

	/**
	 * The first break in the chain.
	 *
	 * @param kind {@code altered}, {@code removed} or {@code inserted}
	 * @param eventId the event at which the break shows
	 * @param seq that event's position
	 * @param detail what was found
	 */
	@Schema(name = "AuditChainProblem")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Problem(String kind, UUID eventId, Long seq, String detail) {
	}

}
