package dev.appsecrets.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Whether the database is known to be down: once a connection could not be had or broke,
 * for a short while every request for a connection fails at once (503) instead of waiting
 * out the pool's timeout; then one is tried again. Marked by the connection pool's front
 * and by the error handler, which sees connections that break while in use.
 */
@Component
public class DatabaseAvailability {

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

}
