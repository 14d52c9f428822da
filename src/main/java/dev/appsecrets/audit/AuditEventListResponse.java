package dev.appsecrets.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of audit events, newest first.
 *
 * @param events the events
 * @param nextCursor pass as {@code cursor} for the next (older) page; absent on the last
 * page
 */
@Schema(name = "AuditEventList")
record AuditEventListResponse(List<AuditEventResponse> events,
		@JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
