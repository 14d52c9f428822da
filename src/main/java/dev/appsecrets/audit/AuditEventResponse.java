package dev.appsecrets.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An audit event as callers see it.
 */
@Schema(name = "AuditEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuditEventResponse(UUID id, Instant occurredAt, String action, String outcome, Actor actor, UUID appId,
		UUID secretId, String secretKey, Integer secretCount, UUID tokenId, String requestId, String clientIp,
		String userAgent, String reason) {

	static AuditEventResponse from(AuditEvent event) {
		Actor actor = (event.actorId() != null || event.actorName() != null)
				? new Actor(event.actorId(), event.actorName()) : null;
		return new AuditEventResponse(event.id(), event.occurredAt(), event.action(), event.outcome().value(), actor,
				event.appId(), event.secretId(), event.secretKey(), event.secretCount(), event.tokenId(),
				event.requestId(), event.clientIp(), event.userAgent(), event.reason());
	}

	/**
	 * Who acted: an API token (its id and name), the admin, a JWT subject, or the service
	 * itself.
	 *
	 * @param id token id, {@code admin}, {@code jwt:<subject>} or {@code system}
	 * @param name token name or subject
	 */
	@Schema(name = "AuditActor")
	record Actor(String id, String name) {
	}

}
