package dev.appsecrets.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the events of reads: requests hand their event to one writer thread,
 * which inserts every event waiting in one transaction and commits once; each request
 * waits for the commit that holds its event before its answer is sent. Many small durable
 * commits become a few (the way a database's own WAL writer groups them), with
 * {@code synchronous_commit} untouched. An event that is not committed (database down,
 * queue full, writer stopped, a commit slower than the wait) fails its request.
 */
@Component
class AuditWriter implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(AuditWriter.class);

	/** Most events in one insert and commit. */
	static final int MAX_BATCH = 500;

	/** Events waiting beyond this are refused at once: the database is not keeping up. */
	private static final int MAX_WAITING = 10_000;

	/** Longest a request waits for its event's commit. */
	static final Duration WAIT = Duration.ofSeconds(5);

	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_WAITING);

	private final JdbcTemplate jdbc;

	private final Timer commits;

	private final Counter written;

	private final TransactionTemplate transactions;

	private volatile boolean running;

	private Thread thread;

	AuditWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.commits = Timer.builder("secrets.audit.commit")
			.description("Group commits of read events: how long each took")
			.publishPercentileHistogram()
			.register(meters);
		this.written = meters.counter("secrets.audit.events.written", "path", "group-commit");
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Queues an event's row for the next group commit.
	 * @return completed once the row is committed, exceptionally if it could not be
	 */
	CompletableFuture<Void> submit(Object[] row) {
		Pending pending = new Pending(row, new CompletableFuture<>());
		if (!this.running || !this.queue.offer(pending)) {
			pending.committed().completeExceptionally(new IllegalStateException("The audit writer is not accepting"));
		}
		return pending.committed();
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * Commits a batch; if it fails, each event alone, so that one event the database
	 * refuses fails only its own request.
	 */
	private void write(List<Pending> batch) {
		// A request that stopped waiting has answered 503: its event must not be written
		// afterwards as a success that never happened.
		batch.removeIf((pending) -> pending.committed().isCancelled());
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.commits.record(() -> commit(batch));
			this.written.increment(batch.size());
			batch.forEach((pending) -> pending.committed().complete(null));
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1 || timedOut(ex)) {
				log.warn("Audit event(s) could not be committed; their " + batch.size() + " request(s) fail: "
						+ ex.getClass().getName());
				batch.forEach((pending) -> pending.committed().completeExceptionally(ex));
				return;
			}
			for (Pending pending : batch) {
				write(new ArrayList<>(List.of(pending)));
			}
		}
	}

	/**
	 * One transaction for the batch, bounded well within the requests' wait: a batch that
	 * cannot take its lock or finish in time fails, so its requests get their 503 while
	 * its events are certainly not written.
	 */
	private void commit(List<Pending> batch) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("SET LOCAL lock_timeout = '1500ms'");
			this.jdbc.execute("SET LOCAL statement_timeout = '2000ms'");
			this.jdbc.batchUpdate(AuditLog.INSERT, batch.stream().map(Pending::row).toList());
		});
	}

	/**
	 * Whether a batch failed on a timeout: retrying its events one by one would only wait
	 * again.
	 */
	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql
					&& ("55P03".equals(sql.getSQLState()) || "57014".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "audit-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			this.thread.join(WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Pending left;
		while ((left = this.queue.poll()) != null) {
			left.committed().completeExceptionally(new IllegalStateException("The service is stopping"));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Started before the web server and stopped after it (Spring Boot's web server runs
	 * at {@code DEFAULT_PHASE - 2048}; later phases stop first), before the database pool
	 * closes: requests still running get their events committed.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record Pending(Object[] row, CompletableFuture<Void> committed) {
	}

}
