package dev.appsecrets.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.TransactionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether the database is known to be down: once a connection could not be had or broke,
 * for a short while every request for a connection fails at once (503) instead of waiting
 * out the pool's timeout; then one is tried again. Marked by the connection pool's front,
 * and by the error handler and the token check, which see connections that break while in
 * use.
 */
@Component
public class DatabaseAvailability {

	/** SQLSTATE class 08: the connection to the database failed or broke. */
	private static final String SQL_STATE_CONNECTION_EXCEPTION = "08";

	/**
	 * Administrator shutdown, crash shutdown, cannot connect now: PostgreSQL is going or
	 * coming.
	 */
	private static final Set<String> SQL_STATES_SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

	/** How long requests fail at once after the database was seen down. */
	private static final Duration QUIET = Duration.ofMillis(500);

	/** Until when (System.nanoTime) requests fail at once; 0 while the database is up. */
	private final AtomicLong downUntil = new AtomicLong();

	/** The database was seen down just now. */
	public void markDown() {
		this.downUntil.set(System.nanoTime() + QUIET.toNanos());
	}

	/** A connection was had: the database is up. */
	public void markUp() {
		this.downUntil.set(0);
	}

	/**
	 * Whether requests for a connection should fail at once.
	 * @return true while the database is known to be down
	 */
	public boolean knownDown() {
		long until = this.downUntil.get();
		return until != 0 && System.nanoTime() - until < 0;
	}

	/**
	 * Whether the failure is the database being out of reach: no connection could be had,
	 * a connection broke (SQLSTATE class 08, or the server shutting down), or a
	 * transaction could not begin, commit or roll back on its connection.
	 */
	public static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransactionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith(SQL_STATE_CONNECTION_EXCEPTION)
							|| SQL_STATES_SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
