package dev.appsecrets.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.appsecrets.caller.AppScope;

import dev.appsecrets.web.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds audit events by filter, newest first, a page at a time. The cursor is the
 * position of the last event of a page, so pages stay stable while new events arrive.
 */
@Service
class AuditQuery {

	private final JdbcClient jdbc;

	AuditQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The events that match, among those the caller may see: a caller limited to some
	 * apps sees only the events of those apps (so none of token or key administration).
	 * @throws AccessDeniedException if {@code appId} is outside the caller's apps (403)
	 */
	@Transactional(readOnly = true)
	AuditEventListResponse find(UUID appId, UUID secretId, String action, String actor, String outcome,
			String requestId, Instant from, Instant to, int limit, String cursor) {
		if (action != null && !AuditActions.ALL.contains(action)) {
			throw InvalidRequestException.parameter("action", "must be one of " + String.join(", ", AuditActions.ALL));
		}
		InvalidRequestException.requireSupported("from", from, true);
		InvalidRequestException.requireSupported("to", to, true);
		Set<UUID> scope = AppScope.current();
		if (appId != null) {
			AppScope.require(appId);
		}
		long before = (cursor != null) ? decode(cursor) : Long.MAX_VALUE;
		if (scope != null && scope.isEmpty()) {
			return new AuditEventListResponse(List.of(), null);
		}
		StringBuilder sql = new StringBuilder("SELECT " + AuditEventRows.COLUMNS + " FROM audit_events WHERE true");
		List<Object> args = new ArrayList<>();
		if (scope != null) {
			sql.append(" AND app_id IN (")
				.append(String.join(", ", java.util.Collections.nCopies(scope.size(), "?")))
				.append(')');
			args.addAll(scope);
		}
		if (appId != null) {
			sql.append(" AND app_id = ?");
			args.add(appId);
		}
		if (secretId != null) {
			sql.append(" AND secret_id = ?");
			args.add(secretId);
		}
		if (action != null) {
			sql.append(" AND action = ?");
			args.add(action);
		}
		if (actor != null) {
			sql.append(" AND (actor_id = ? OR actor_name = ?)");
			args.add(actor);
			args.add(actor);
		}
		if (outcome != null) {
			sql.append(" AND outcome = ?");
			args.add(outcome);
		}
		if (requestId != null) {
			sql.append(" AND request_id = ?");
			args.add(requestId);
		}
		if (from != null) {
			sql.append(" AND occurred_at >= ?");
			args.add(Timestamp.from(from));
		}
		if (to != null) {
			sql.append(" AND occurred_at < ?");
			args.add(Timestamp.from(to));
		}
		if (cursor != null) {
			sql.append(" AND seq < ?");
			args.add(before);
		}
		sql.append(" ORDER BY seq DESC LIMIT ?");
		args.add(limit + 1);
		List<AuditEvent> events = this.jdbc.sql(sql.toString()).params(args).query(AuditEventRows.MAPPER).list();
		String next = null;
		if (events.size() > limit) {
			events = events.subList(0, limit);
			next = encode(events.get(limit - 1).seq());
		}
		return new AuditEventListResponse(events.stream().map(AuditEventResponse::from).toList(), next);
	}

	private static String encode(long seq) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("s" + seq).getBytes(StandardCharsets.US_ASCII));
	}

	private static long decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (text.startsWith("s")) {
				return Long.parseLong(text.substring(1));
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the 400 below.
		}
		throw InvalidRequestException.parameter("cursor", "must be a nextCursor from an earlier page");
	}

}
