package dev.appsecrets.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

/**
 * Reads audit events from their table.
 */
final class AuditEventRows {

	static final String COLUMNS = "seq, id, occurred_at, action, outcome, actor_id, actor_name, app_id, secret_id, "
			+ "secret_key, secret_count, token_id, request_id, client_ip, user_agent, reason";

	static final RowMapper<AuditEvent> MAPPER = AuditEventRows::event;

	private AuditEventRows() {
	}

	static AuditEvent event(ResultSet row, int number) throws SQLException {
		return new AuditEvent(row.getLong("seq"), row.getObject("id", UUID.class),
				row.getTimestamp("occurred_at").toInstant(), row.getString("action"),
				AuditOutcome.of(row.getString("outcome")), row.getString("actor_id"), row.getString("actor_name"),
				row.getObject("app_id", UUID.class), row.getObject("secret_id", UUID.class),
				row.getString("secret_key"), row.getObject("secret_count", Integer.class),
				row.getObject("token_id", UUID.class), row.getString("request_id"), row.getString("client_ip"),
				row.getString("user_agent"), row.getString("reason"));
	}

}
