package dev.appsecrets.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.UUID;

import dev.appsecrets.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records audit events. A change and its event are written in the same transaction, and a
 * read's event before the answer leaves: if the event cannot be written, the request
 * fails with 503 and nothing is changed or sent (fail-closed). The request path only
 * inserts; sealing runs apart.
 */
@Service
public class AuditLog {

	static final String INSERT = "INSERT INTO audit_events (id, occurred_at, action, outcome, actor_id, actor_name, "
			+ "app_id, secret_id, secret_key, secret_count, token_id, request_id, client_ip, user_agent, reason) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** The header in which a caller may say why it accesses a secret. */
	public static final String REASON_HEADER = "X-Access-Reason";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final AuditWriter writer;

	private final MeterRegistry meters;

	/** The access counters by kind and outcome, found once each, not at every event. */
	private final java.util.Map<String, Counter> accessCounters = new java.util.concurrent.ConcurrentHashMap<>();

	AuditLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactionManager, AuditWriter writer,
			MeterRegistry meters) {
		this.meters = meters;
		this.jdbc = jdbc;
		this.clock = clock;
		this.writer = writer;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records a read, as a success, through the group commit: returns once the event is
	 * durably committed. Called outside the read's transaction, so that the wait holds no
	 * connection.
	 * @param event what was read
	 * @throws AuditUnavailableException if the event was not committed (the request then
	 * fails, and no value leaves)
	 */
	public void recordRead(AuditedEvent event) {
		Object[] row = row(event.action(), AuditOutcome.SUCCESS, event.appId(), event.secretId(), event.secretKey(),
				event.secretCount(), event.tokenId(), currentRequest(),
				SecurityContextHolder.getContext().getAuthentication());
		CompletableFuture<Void> committed = this.writer.submit(row);
		try {
			committed.get(AuditWriter.WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			committed.cancel(false);
			Thread.currentThread().interrupt();
			throw new AuditUnavailableException(ex);
		}
		catch (TimeoutException ex) {
			// Not written after this: the writer drops what its requester gave up on.
			committed.cancel(false);
			throw new AuditUnavailableException(ex);
		}
		catch (ExecutionException ex) {
			throw new AuditUnavailableException(ex);
		}
	}

	/**
	 * Records what happened, as a success, in the caller's transaction.
	 * @param event what happened
	 * @throws AuditUnavailableException if the event cannot be stored (the transaction
	 * then rolls back)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditedEvent event) {
		insert(event.action(), AuditOutcome.SUCCESS, event.appId(), event.secretId(), event.secretKey(),
				event.secretCount(), event.tokenId(), currentRequest(),
				SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * Records many events, as successes, in the caller's transaction and one round trip:
	 * a bulk import's event per secret.
	 * @param events what happened
	 * @throws AuditUnavailableException if they cannot be stored (the transaction then
	 * rolls back)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(java.util.List<? extends AuditedEvent> events) {
		HttpServletRequest request = currentRequest();
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		try {
			this.jdbc.batchUpdate(INSERT,
					events.stream()
						.map((event) -> row(event.action(), AuditOutcome.SUCCESS, event.appId(), event.secretId(),
								event.secretKey(), event.secretCount(), event.tokenId(), request, caller))
						.toList());
		}
		catch (DataAccessException ex) {
			throw new AuditUnavailableException(ex);
		}
	}

	/**
	 * Records a failure on the service's side. The caller's transaction will roll back,
	 * so the event cannot go with it; nor may a request take a second connection while it
	 * holds one (thirty reads of a tampered value ran the pool dry). During a request the
	 * event is therefore written by {@link PendingFailuresFilter} once the request is
	 * done and its connection returned; elsewhere at once, in a transaction of its own.
	 * @param action what was attempted
	 * @param appId the app
	 * @param secretId the secret
	 * @param secretKey the secret's key
	 */
	public void recordFailure(String action, UUID appId, UUID secretId, String secretKey) {
		HttpServletRequest request = currentRequest();
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		PendingFailure failure = new PendingFailure(action, appId, secretId, secretKey, request, caller);
		if (request == null || !PendingFailuresFilter.defer(request, failure)) {
			this.transactions.executeWithoutResult((status) -> write(failure));
		}
	}

	/** A failure to record: what was attempted, by whom, in which request. */
	record PendingFailure(String action, UUID appId, UUID secretId, String secretKey, HttpServletRequest request,
			Authentication caller) {
	}

	/** Writes a deferred failure in a transaction of its own. */
	void writeDeferred(PendingFailure failure) {
		this.transactions.executeWithoutResult((status) -> write(failure));
	}

	private void write(PendingFailure failure) {
		insert(failure.action(), AuditOutcome.FAILED, failure.appId(), failure.secretId(), failure.secretKey(), null,
				null, failure.request(), failure.caller());
	}

	/**
	 * Records a refused request (401 or 403) in a transaction of its own; the caller
	 * decides what a failure to record means.
	 * @param request the refused request
	 * @param caller who was refused, or null if nobody was authenticated
	 * @param action the action the request would have been, or
	 * {@link AuditActions#REQUEST}
	 * @param appId the app named in its path, if any
	 * @param secretId the secret named in its path, if any
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(HttpServletRequest request, Authentication caller, String action, UUID appId,
			UUID secretId) {
		insert(action, AuditOutcome.DENIED, appId, secretId, null, null, null, request, caller);
	}

	private void insert(String action, AuditOutcome outcome, UUID appId, UUID secretId, String secretKey,
			Integer secretCount, UUID tokenId, HttpServletRequest request, Authentication caller) {
		try {
			this.jdbc.update(INSERT,
					row(action, outcome, appId, secretId, secretKey, secretCount, tokenId, request, caller));
		}
		catch (DataAccessException ex) {
			throw new AuditUnavailableException(ex);
		}
	}

	private Object[] row(String action, AuditOutcome outcome, UUID appId, UUID secretId, String secretKey,
			Integer secretCount, UUID tokenId, HttpServletRequest request, Authentication caller) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		// Labels say what kind of access and how it ended: never an app, key or token.
		this.accessCounters
			.computeIfAbsent(AuditActions.kind(action) + "/" + outcome.value(),
					(key) -> this.meters.counter("secrets.access", "kind", AuditActions.kind(action), "outcome",
							outcome.value()))
			.increment();
		return new Object[] { UUID.randomUUID(), Timestamp.from(now), action, outcome.value(), actorId(caller),
				actorName(caller), appId, secretId, secretKey, secretCount, tokenId,
				(request != null) ? RequestIdFilter.of(request) : null,
				(request != null) ? clip(request.getRemoteAddr(), 64) : null,
				(request != null) ? clip(printable(request.getHeader("User-Agent")), 512) : null,
				(request != null) ? clip(printable(request.getHeader(REASON_HEADER)), 512) : null };
	}

	private static String actorId(Authentication caller) {
		return (caller != null && caller.isAuthenticated()) ? clip(String.valueOf(caller.getPrincipal()), 200)
				: (caller == null && RequestContextHolder.getRequestAttributes() == null) ? "system" : null;
	}

	private static String actorName(Authentication caller) {
		return (caller != null && caller.isAuthenticated()) ? clip(caller.getName(), 200)
				: (caller == null && RequestContextHolder.getRequestAttributes() == null) ? "system" : null;
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	/**
	 * A header as the caller wrote it: the container reads header bytes as ISO-8859-1, so
	 * UTF-8 text is decoded again (anything malformed becomes U+FFFD), and control
	 * characters, C1 included, become spaces.
	 */
	private static String printable(String text) {
		if (text == null) {
			return null;
		}
		String decoded = text.chars().allMatch((c) -> c <= 0xFF)
				? new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : text;
		return decoded.replaceAll("[\\p{Cntrl}\\u0080-\\u009F]", " ");
	}

	private static String clip(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

}
