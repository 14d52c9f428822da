package dev.appsecrets.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

import dev.appsecrets.web.DatabaseAvailability;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool, answering at once while the database is known to be down: after a
 * connection could not be had, every request for one fails straight away for a short
 * while, then one is tried again. During an outage every request is answered 503 at once
 * (or, for the one that tries, within the pool's connection timeout) instead of each
 * waiting out that timeout; once the database is back the next try succeeds and all is as
 * before.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

	/** SQLSTATE class 08: the connection failed. */
	private static final String CONNECTION_EXCEPTION = "08";

	private final DatabaseAvailability availability;

	FailFastDataSource(DataSource pool, DatabaseAvailability availability) {
		super(pool);
		this.availability = availability;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(super::getConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(() -> super.getConnection(username, password));
	}

	private Connection connect(ConnectionSource source) throws SQLException {
		failFastWhileDown();
		try {
			Connection connection = source.get();
			this.availability.markUp();
			return connection;
		}
		catch (SQLException ex) {
			noteFailure(ex);
			throw ex;
		}
	}

	@FunctionalInterface
	private interface ConnectionSource {

		Connection get() throws SQLException;

	}

	private void failFastWhileDown() throws SQLTransientConnectionException {
		if (this.availability.knownDown()) {
			throw new SQLTransientConnectionException("The database is unavailable", "08001");
		}
	}

	private void noteFailure(SQLException ex) {
		if (ex instanceof SQLTransientConnectionException
				|| (ex.getSQLState() != null && ex.getSQLState().startsWith(CONNECTION_EXCEPTION))) {
			this.availability.markDown();
		}
	}

	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

}
