package dev.appsecrets;

import java.io.StringWriter;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data of every table in the database as text, the way {@code pg_dump} writes it (its
 * data section is {@code COPY ... TO STDOUT} of each table, with {@code bytea} as hex).
 * Used to check that no value reaches the database in plain text; a pg_dump binary of the
 * server's major version is not available on every machine the tests run on.
 */
public final class DatabaseDump {

	private DatabaseDump() {
	}

	public static String of(DataSource dataSource) {
		List<String> tables = new JdbcTemplate(dataSource)
			.queryForList("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
					+ "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", String.class);
		StringWriter dump = new StringWriter();
		try (Connection connection = dataSource.getConnection()) {
			for (String table : tables) {
				dump.append("-- ").append(table).append('\n');
				connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", dump);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Dump failed", ex);
		}
		return dump.toString();
	}

	/**
	 * The forms a value would take in a dump if it were stored in plain text: as text,
	 * and as the hex of its UTF-8 bytes in a bytea column.
	 */
	public static List<String> plainForms(String value) {
		return List.of(value,
				java.util.HexFormat.of().formatHex(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

}
