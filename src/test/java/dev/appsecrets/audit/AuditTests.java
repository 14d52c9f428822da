package dev.appsecrets.audit;

import java.util.ArrayList;
import java.sql.Connection;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appsecrets.ApiTest;
import dev.appsecrets.Http;
import dev.appsecrets.Http.Reply;
import dev.appsecrets.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every access to a secret leaves exactly one audit event, without values or tokens; no
 * event, no access; and tampering with the stored events is found.
 */
class AuditTests extends ApiTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AuditChain chain;

	@Autowired
	private AuditChainVerifier verifier;

	@Autowired
	private javax.sql.DataSource dataSource;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void eachActionProducesExactlyOneEventWithItsFields() {
		String appId = field(call(http(), "POST", "/apps", Map.of("name", "audited"), "app.create", null), "id");
		String path = "/apps/" + appId + "/secrets";
		String secretId = field(
				call(http(), "POST", path, Map.of("key", "AUDITED", "value", "audited-value"), "secret.create", appId),
				"id");
		call(http(), "GET", path + "/" + secretId, null, "secret.read", appId);
		call(http(), "PATCH", path + "/" + secretId, Map.of("value", "changed-value"), "secret.update", appId);

		JsonNode list = event(http(), "GET", path, null);
		assertThat(list.get("action").asString()).isEqualTo("secrets.read");
		assertThat(list.get("secretCount").asInt()).isEqualTo(1);
		assertThat(event(http(), "GET", path + "?values=false", null).get("action").asString())
			.isEqualTo("secrets.list");
		assertThat(event(http(), "GET", path + "/deleted", null).get("action").asString()).isEqualTo("secrets.list");

		JsonNode read = event(http(), "GET", path + "/" + secretId, null);
		assertThat(read.get("action").asString()).isEqualTo("secret.read");
		assertThat(read.get("outcome").asString()).isEqualTo("success");
		assertThat(read.get("appId").asString()).isEqualTo(appId);
		assertThat(read.get("secretId").asString()).isEqualTo(secretId);
		assertThat(read.get("secretKey").asString()).isEqualTo("AUDITED");
		assertThat(read.get("actor").get("id").asString()).isEqualTo("admin");
		assertThat(read.get("clientIp").asString()).isNotBlank();
		assertThat(read.get("userAgent").asString()).isEqualTo("audit-test/1.0");
		assertThat(read.get("reason").asString()).isEqualTo("incident 42");
		assertThat(read.get("occurredAt").asString()).endsWith("Z");

		call(http(), "PATCH", "/apps/" + appId, Map.of("name", "renamed"), "app.rename", appId);
		call(http(), "DELETE", path + "/" + secretId, null, "secret.delete", appId);
		JsonNode token = event(http(), "POST", "/tokens",
				Map.of("name", "audited token", "permissions", List.of("apps:read")));
		assertThat(token.get("action").asString()).isEqualTo("token.create");
		assertThat(token.get("tokenId").asString()).isNotBlank();
		call(http(), "DELETE", "/tokens/" + token.get("tokenId").asString(), null, "token.revoke", null);
		call(http(), "POST", "/admin/encryption/rotate", null, "datakey.rotate", null);
		call(http(), "DELETE", "/apps/" + appId, null, "app.delete", appId);

		assertThat(http().get("/audit-events?appId=" + appId + "&limit=500").json().get("events").size())
			.as("events outlive the app they name")
			.isGreaterThanOrEqualTo(7);
	}

	@Test
	void refusedRequestsProduceDeniedEvents() {
		String appId = createApp("denied");
		String secretId = createSecret(appId, "DENIED", "denied-value");
		String path = "/apps/" + appId + "/secrets/" + secretId;

		JsonNode anonymous = event(http().as(null), "GET", path, null);
		assertThat(anonymous.get("outcome").asString()).isEqualTo("denied");
		assertThat(anonymous.get("action").asString()).isEqualTo("secret.read");
		assertThat(anonymous.get("appId").asString()).isEqualTo(appId);
		assertThat(anonymous.get("secretId").asString()).isEqualTo(secretId);
		assertThat(anonymous.has("actor")).isFalse();

		String lister = http().post("/tokens", Map.of("name", "lister", "permissions", List.of("secrets:list")))
			.json()
			.get("token")
			.asString();
		JsonNode forbidden = event(http().as(lister), "GET", path, null);
		assertThat(forbidden.get("outcome").asString()).isEqualTo("denied");
		assertThat(forbidden.get("actor").get("name").asString()).isEqualTo("lister");

		JsonNode page = http().get("/audit-events?outcome=denied&secretId=" + secretId).json();
		assertThat(page.get("events").size()).isEqualTo(2);
	}

	@Test
	void noEventHoldsAValueOrAToken() {
		String appId = createApp("no-values");
		String value = "Audit-Canary-" + UUID.randomUUID();
		String secretId = createSecret(appId, "CANARY", value);
		http().get("/apps/" + appId + "/secrets/" + secretId);
		http().patch("/apps/" + appId + "/secrets/" + secretId, Map.of("value", value + "-2"));
		String token = http().post("/tokens", Map.of("name", "canary", "permissions", List.of("apps:read")))
			.json()
			.get("token")
			.asString();
		http().as(token).get("/apps");
		http().as(token + "x").get("/apps");

		String table = String.join("\n", this.jdbc.queryForList("SELECT e::text FROM audit_events e", String.class));

		assertThat(table).contains(secretId)
			.doesNotContain("Audit-Canary-")
			.doesNotContain(token.substring(3))
			.doesNotContain(TestDatabase.ADMIN_TOKEN);
	}

	@Test
	void whenTheAuditLogCannotBeWrittenReadsAnswer503WithoutAValueAndWritesChangeNothing() {
		String appId = createApp("fail-closed");
		String secretId = createSecret(appId, "GUARDED", "fail-closed-value");
		String path = "/apps/" + appId + "/secrets";
		this.jdbc.execute("CREATE FUNCTION audit_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; "
				+ "END $$ LANGUAGE plpgsql");
		this.jdbc.execute("CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_events "
				+ "FOR EACH ROW EXECUTE FUNCTION audit_refuse()");
		try {
			for (Reply reply : List.of(http().get(path + "/" + secretId), http().get(path))) {
				assertProblem(reply, 503);
				assertThat(reply.body()).doesNotContain("fail-closed-value");
			}
			assertProblem(http().post(path, Map.of("key", "NEW", "value", "x")), 503);
			assertProblem(http().patch(path + "/" + secretId, Map.of("value", "overwritten")), 503);
			assertProblem(http().delete(path + "/" + secretId), 503);
			assertProblem(http().delete("/apps/" + appId), 503);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER audit_refuse ON audit_events");
			this.jdbc.execute("DROP FUNCTION audit_refuse()");
		}
		JsonNode secrets = http().get(path).json().get("secrets");
		assertThat(secrets.size()).isEqualTo(1);
		assertThat(secrets.get(0).get("value").asString()).isEqualTo("fail-closed-value");
	}

	@Test
	void underGroupCommitConcurrentReadsWhoseEventsAreRefusedAll503WithoutAValueWhileOthersAreServed()
			throws Exception {
		String refusedApp = createApp("group-refused");
		String refusedSecret = createSecret(refusedApp, "GUARDED", "group-guarded-value");
		String servedApp = createApp("group-served");
		String servedSecret = createSecret(servedApp, "OPEN", "group-open-value");
		this.jdbc.execute("CREATE FUNCTION audit_refuse_app() RETURNS trigger AS $$ BEGIN " + "IF NEW.app_id = '"
				+ refusedApp + "' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; " + "END $$ LANGUAGE plpgsql");
		this.jdbc.execute("CREATE TRIGGER audit_refuse_app BEFORE INSERT ON audit_events "
				+ "FOR EACH ROW EXECUTE FUNCTION audit_refuse_app()");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Reply>> refused = new ArrayList<>();
			List<Future<Reply>> served = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				refused.add(pool.submit(() -> http().get("/apps/" + refusedApp + "/secrets")));
				refused.add(pool.submit(() -> http().get("/apps/" + refusedApp + "/secrets/" + refusedSecret)));
				served.add(pool.submit(() -> http().get("/apps/" + servedApp + "/secrets/" + servedSecret)));
			}
			for (Future<Reply> reply : refused) {
				assertProblem(reply.get(), 503);
				assertThat(reply.get().body()).doesNotContain("group-guarded-value");
			}
			for (Future<Reply> reply : served) {
				assertThat(reply.get().status()).isEqualTo(200);
				assertThat(reply.get().json().get("value").asString()).isEqualTo("group-open-value");
			}
		}
		finally {
			pool.shutdownNow();
			this.jdbc.execute("DROP TRIGGER audit_refuse_app ON audit_events");
			this.jdbc.execute("DROP FUNCTION audit_refuse_app()");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE app_id = ?::uuid "
				+ "AND action IN ('secret.read', 'secrets.list')", Long.class, refusedApp))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_events WHERE app_id = ?::uuid " + "AND action = 'secret.read'", Long.class,
				servedApp))
			.isEqualTo(24);
	}

	@Test
	void aReadWhoseEventCouldNotBeCommittedInTimeLeavesNoSuccessEventBehind() throws Exception {
		String appId = createApp("locked-audit");
		String secretId = createSecret(appId, "LOCKED", "locked-value");
		String requestId = "locked-" + UUID.randomUUID();
		Reply reply;
		// Another session holds the audit table while the read waits for its event.
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE");
			reply = http().send("GET", "/apps/" + appId + "/secrets/" + secretId, null, null,
					Map.of("X-Request-Id", requestId));
			lock.rollback();
		}
		assertProblem(reply, 503);
		assertThat(reply.body()).doesNotContain("locked-value");
		Thread.sleep(500);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE request_id = ?", Long.class,
				requestId))
			.as("no event claims a read that was refused")
			.isZero();
	}

	@Test
	void eventsAreListedNewestFirstAPageAtATime() {
		String appId = createApp("paging");
		for (int i = 0; i < 5; i++) {
			createSecret(appId, "K" + i, "v");
		}
		List<String> keys = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = http()
				.get("/audit-events?appId=" + appId + "&action=secret.create&limit=2"
						+ ((cursor != null) ? "&cursor=" + cursor : ""))
				.json();
			assertThat(page.get("events").size()).isLessThanOrEqualTo(2);
			page.get("events").forEach((event) -> keys.add(event.get("secretKey").asString()));
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);

		assertThat(keys).containsExactly("K4", "K3", "K2", "K1", "K0");
		assertProblem(http().get("/audit-events?cursor=garbage"), 400);
		assertThat(
				http().get("/audit-events?appId=" + appId + "&from=2999-01-01T00:00:00Z").json().get("events").size())
			.isZero();
	}

	@Test
	void anUntouchedLogVerifiesCleanAndEveryKindOfTamperingIsReported() throws Exception {
		String appId = createApp("tamper-audit");
		for (int i = 0; i < 3; i++) {
			createSecret(appId, "T" + i, "v");
		}
		this.chain.seal();
		String keptHead = http().get("/audit-events/head").json().get("hash").asString();
		JsonNode clean = http().get("/audit-events/verify?expectedHead=" + keptHead).json();
		assertThat(clean.get("intact").asBoolean()).as(clean.toString()).isTrue();
		assertThat(clean.get("eventsVerified").asLong()).isPositive();
		// Holds the sealer off while the table is tampered with and put back.
		try (Connection lock = this.dataSource.getConnection()) {
			lock.createStatement().execute("SELECT pg_advisory_lock(7262616376)");
			List<Map<String, Object>> rows = this.jdbc.queryForList(
					"SELECT seq, id, chain_pos FROM audit_events WHERE app_id = ?::uuid AND action = 'secret.create' "
							+ "ORDER BY chain_pos",
					appId);
			long middle = (Long) rows.get(1).get("seq");
			String middleId = rows.get(1).get("id").toString();
			String nextId = rows.get(2).get("id").toString();

			this.jdbc.update("UPDATE audit_events SET action = 'secret.read' WHERE seq = ?", middle);
			JsonNode altered = problem(null);
			this.jdbc.update("UPDATE audit_events SET action = 'secret.create' WHERE seq = ?", middle);
			assertThat(altered.get("kind").asString()).isEqualTo("altered");
			assertThat(altered.get("eventId").asString()).isEqualTo(middleId);

			JsonNode removed = withoutEvents("seq = " + middle, null);
			assertThat(removed.get("kind").asString()).isEqualTo("removed");
			assertThat(removed.get("eventId").asString()).isEqualTo(nextId);

			long headSeal = this.jdbc.queryForObject("SELECT max(id) FROM audit_seals WHERE kind = 'seal'", Long.class);
			String flip = "UPDATE audit_seals SET head_hash = set_byte(head_hash, 0, get_byte(head_hash, 0) # 1) "
					+ "WHERE id = ?";
			this.jdbc.update(flip, headSeal);
			JsonNode changedHead = problem(null);
			this.jdbc.update(flip, headSeal);
			assertThat(changedHead.get("kind").asString()).isEqualTo("altered");

			long headPosition = this.jdbc.queryForObject("SELECT max(chain_pos) FROM audit_events", Long.class);
			JsonNode tail = withoutEvents("chain_pos = " + headPosition, null);
			assertThat(tail.get("kind").asString()).isEqualTo("removed");

			// The newest event and its seal records gone: only a head kept outside tells.
			this.jdbc
				.execute("CREATE TABLE saved_seals AS SELECT * FROM audit_seals WHERE last_pos >= " + headPosition);
			this.jdbc.update("DELETE FROM audit_seals WHERE last_pos >= ?", headPosition);
			JsonNode unnoticed = verification(null, "chain_pos = " + headPosition);
			JsonNode againstKeptHead = verification(keptHead, "chain_pos = " + headPosition);
			this.jdbc.execute("INSERT INTO audit_seals OVERRIDING SYSTEM VALUE SELECT * FROM saved_seals");
			this.jdbc.execute("DROP TABLE saved_seals");
			assertThat(unnoticed.get("intact").asBoolean()).as(unnoticed.toString()).isTrue();
			assertThat(againstKeptHead.get("intact").asBoolean()).isFalse();
			assertThat(againstKeptHead.get("problem").get("kind").asString()).isEqualTo("removed");

			lock.createStatement().execute("SELECT pg_advisory_unlock(7262616376)");
		}
		assertThat(http().get("/audit-events/verify?expectedHead=" + keptHead).json().get("intact").asBoolean())
			.isTrue();
	}

	@Test
	void anEventWhoseTransactionCommitsLateIsSealedLaterAndTheChainStaysIntact() throws Exception {
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch mayCommit = new CountDownLatch(1);
		ExecutorService late = Executors.newSingleThreadExecutor();
		try {
			Future<?> lateEvent = late.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("INSERT INTO audit_events (id, occurred_at, action, outcome) "
						+ "VALUES (gen_random_uuid(), now(), 'secret.read', 'success')");
				inserted.countDown();
				await(mayCommit);
			}));
			await(inserted);
			createApp("after-the-late-one");
			this.chain.seal();
			mayCommit.countDown();
			lateEvent.get(30, TimeUnit.SECONDS);
		}
		finally {
			late.shutdownNow();
		}

		this.chain.seal();

		JsonNode verification = http().get("/audit-events/verify").json();
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE chain_hash IS NULL "
				+ "AND seq < (SELECT max(seq) FROM audit_events WHERE chain_hash IS NOT NULL)", Long.class))
			.isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The first problem verification reports now. */
	private JsonNode problem(String expectedHead) {
		JsonNode verification = http()
			.get("/audit-events/verify" + ((expectedHead != null) ? "?expectedHead=" + expectedHead : ""))
			.json();
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
		return verification.get("problem");
	}

	/** The first problem while the events matching the condition are gone. */
	private JsonNode withoutEvents(String condition, String expectedHead) {
		JsonNode verification = verification(expectedHead, condition);
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
		return verification.get("problem");
	}

	/**
	 * Verification while the events matching the condition are gone, then puts them back.
	 */
	private JsonNode verification(String expectedHead, String condition) {
		this.jdbc.execute("CREATE TABLE saved_events AS SELECT * FROM audit_events WHERE " + condition);
		this.jdbc.update("DELETE FROM audit_events WHERE " + condition);
		try {
			return http().get("/audit-events/verify" + ((expectedHead != null) ? "?expectedHead=" + expectedHead : ""))
				.json();
		}
		finally {
			this.jdbc.execute("INSERT INTO audit_events OVERRIDING SYSTEM VALUE SELECT * FROM saved_events");
			this.jdbc.execute("DROP TABLE saved_events");
		}
	}

	@Test
	void anEventBackdatedIntoTheTableIsNotSealedAndVerifyReportsIt() {
		this.chain.seal();
		String id = java.util.UUID.randomUUID().toString();
		this.jdbc.update("INSERT INTO audit_events (id, occurred_at, action, outcome) "
				+ "VALUES (?::uuid, now() - interval '2 days', 'apps.list', 'success')", id);
		try {
			this.chain.seal();

			assertThat(this.jdbc.queryForObject("SELECT chain_hash IS NULL FROM audit_events WHERE id = ?::uuid",
					Boolean.class, id))
				.isTrue();
			JsonNode problem = problem(null);
			assertThat(problem.get("kind").asString()).isEqualTo("inserted");
			assertThat(problem.get("eventId").asString()).isEqualTo(id);
		}
		finally {
			this.jdbc.update("DELETE FROM audit_events WHERE id = ?::uuid", id);
		}
		assertThat(http().get("/audit-events/verify").json().get("intact").asBoolean()).isTrue();
	}

	@Test
	void backdatingInStepsUnderTheToleranceGetsNoFurtherThanOneStep() {
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.jdbc.queryForObject("SELECT pg_advisory_xact_lock(7262616376)", Object.class);
			createApp("before-the-steps");
			this.chain.seal();
			String step = "INSERT INTO audit_events (id, occurred_at, action, outcome) SELECT gen_random_uuid(), "
					+ "min(occurred_at) - interval '59 minutes', 'apps.list', 'success' FROM audit_events "
					+ "WHERE chain_pos IS NOT NULL AND occurred_at > now() - interval '1 day'";
			this.jdbc.update(step);
			this.chain.seal();
			this.jdbc.update("INSERT INTO audit_events (id, occurred_at, action, outcome) SELECT gen_random_uuid(), "
					+ "min(occurred_at) - interval '59 minutes', 'apps.list', 'success' FROM audit_events "
					+ "WHERE action = 'apps.list' AND occurred_at < now() - interval '50 minutes'");
			this.chain.seal();

			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM audit_events WHERE chain_hash IS NULL AND occurred_at < now() - interval '100 minutes'",
					Long.class))
				.isEqualTo(1);
			AuditVerification verification = this.verifier.check(null);
			assertThat(verification.intact()).isFalse();
			assertThat(verification.problem().kind()).isEqualTo("inserted");
		});
	}

	@Test
	void anAnchorRowForgedToSkipTheFirstEventsCheckIsReported() {
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.jdbc.queryForObject("SELECT pg_advisory_xact_lock(7262616376)", Object.class);
			this.chain.seal();
			assertThat(this.verifier.check(null).intact()).isTrue();

			this.jdbc.update("INSERT INTO audit_seals (sealed_at, last_seq, last_pos, head_hash, events, kind) "
					+ "VALUES (now(), 0, 0, '\\x'::bytea, 0, 'anchor')");

			AuditVerification forged = this.verifier.check(null);
			assertThat(forged.intact()).isFalse();
			assertThat(forged.problem().kind()).isEqualTo("removed");
		});
	}

	@Test
	void retentionDeletesAPrefixOfOldEventsAndWhatRemainsStillVerifies() {
		// In a transaction that is rolled back, so the shared log and its chain stay as
		// they were.
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			// Waits for a scheduled sealing to finish, and keeps the next one out.
			this.jdbc.queryForObject("SELECT pg_advisory_xact_lock(7262616376)", Object.class);
			this.jdbc.update("DELETE FROM audit_events");
			this.jdbc.update("DELETE FROM audit_seals");
			this.jdbc.update("INSERT INTO audit_events (id, occurred_at, action, outcome) VALUES "
					+ "(gen_random_uuid(), now() - interval '400 days', 'secret.read', 'success'), "
					+ "(gen_random_uuid(), now() - interval '390 days', 'secret.read', 'success'), "
					+ "(gen_random_uuid(), now() - interval '300 days', 'secret.update', 'success'), "
					+ "(gen_random_uuid(), now() - interval '1 day', 'secret.create', 'success')");
			AuditProperties yearly = new AuditProperties(java.time.Duration.ofSeconds(5),
					java.time.Duration.ofSeconds(2), 365, "0 17 3 * * *");
			AuditChain keepAYearChain = new AuditChain(this.jdbc, this.transactions, yearly,
					java.time.Clock.systemUTC());
			AuditChainVerifier keepAYear = new AuditChainVerifier(this.jdbc, this.transactions, yearly,
					java.time.Clock.systemUTC());
			keepAYearChain.seal();

			new AuditRetention(keepAYearChain, this.jdbc, this.transactions, yearly, java.time.Clock.systemUTC())
				.prune();

			// The newest event old enough stays as the anchor of what remains.
			assertThat(this.jdbc.queryForList("SELECT action FROM audit_events ORDER BY chain_pos", String.class))
				.containsExactly("secret.read", "secret.update", "secret.create");
			assertThat(keepAYear.check(null).intact()).isTrue();
			AuditChainVerifier retentionOff = new AuditChainVerifier(this.jdbc, this.transactions,
					new AuditProperties(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(2), 0,
							"0 17 3 * * *"),
					java.time.Clock.systemUTC());
			assertThat(retentionOff.check(null).problem().kind()).isEqualTo("removed");

			// An anchor forged at an event still there, to skip checking what comes
			// before it.
			Long middle = this.jdbc.queryForObject("SELECT chain_pos FROM audit_events WHERE action = 'secret.update'",
					Long.class);
			this.jdbc.update("INSERT INTO audit_seals (sealed_at, last_seq, last_pos, head_hash, events, kind) "
					+ "VALUES (now(), 0, ?, '\\x'::bytea, 0, 'anchor')", middle);
			assertThat(keepAYear.check(null).problem().kind()).isEqualTo("altered");
			this.jdbc.update("DELETE FROM audit_seals WHERE kind = 'anchor'");

			// A forged prune that cut events younger than the retention period.
			Map<String, Object> update = this.jdbc
				.queryForMap("SELECT chain_pos, seq, chain_hash FROM audit_events WHERE action = 'secret.update'");
			this.jdbc.update("DELETE FROM audit_events WHERE chain_pos <= ?", update.get("chain_pos"));
			this.jdbc.update(
					"INSERT INTO audit_seals (sealed_at, last_seq, last_pos, head_hash, events, kind) "
							+ "VALUES (now(), ?, ?, ?, 2, 'prune')",
					update.get("seq"), update.get("chain_pos"), update.get("chain_hash"));
			AuditVerification forged = keepAYear.check(null);
			assertThat(forged.intact()).isFalse();
			assertThat(forged.problem().kind()).isEqualTo("removed");
		});
	}

	@Test
	void theRequestIdIsReturnedAndGeneratedWhenNotSent() {
		Reply sent = http().send("GET", "/apps", null, null, Map.of("X-Request-Id", "my-request-1"));
		Reply generated = http().get("/apps");

		assertThat(sent.header("X-Request-Id")).isEqualTo("my-request-1");
		assertThat(UUID.fromString(generated.header("X-Request-Id"))).isNotNull();
		assertThat(http().as(null).get("/apps").header("X-Request-Id")).isNotBlank();
	}

	/**
	 * Sends a request with its own request id and answers the one audit event it
	 * produced.
	 */
	private JsonNode event(Http http, String method, String path, Object body) {
		String requestId = "test-" + UUID.randomUUID();
		Map<String, String> headers = new HashMap<>();
		headers.put("X-Request-Id", requestId);
		headers.put("User-Agent", "audit-test/1.0");
		headers.put("X-Access-Reason", "incident 42");
		Reply reply = http.send(method, path, (body != null) ? "application/json" : null, body, headers);
		assertThat(reply.header("X-Request-Id")).isEqualTo(requestId);
		JsonNode events = http().get("/audit-events?requestId=" + requestId).json().get("events");
		assertThat(events.size()).as("%s %s -> %s", method, path, reply.brief()).isEqualTo(1);
		JsonNode event = events.get(0);
		assertThat(event.get("requestId").asString()).isEqualTo(requestId);
		if (reply.status() < 300) {
			this.lastReply = reply;
		}
		return event;
	}

	private Reply lastReply;

	/**
	 * Sends a request, checks its one event's action, outcome and app, and answers the
	 * reply.
	 */
	private Reply call(Http http, String method, String path, Object body, String action, String appId) {
		JsonNode event = event(http, method, path, body);
		assertThat(event.get("action").asString()).isEqualTo(action);
		assertThat(event.get("outcome").asString()).isEqualTo("success");
		assertThat(event.get("actor").get("name").asString()).isEqualTo("admin");
		if (appId != null) {
			assertThat(event.get("appId").asString()).isEqualTo(appId);
		}
		return this.lastReply;
	}

	private static String field(Reply reply, String name) {
		return reply.json().get(name).asString();
	}

}
