package dev.appsecrets.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.appsecrets.Http;
import dev.appsecrets.caller.Permission;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Finding 5 of the attack: the once-a-minute {@code lastUsedAt} write saved the whole
 * token row, so a revocation that committed between a request's lookup and that write was
 * reverted. Revocation is final.
 */
class RevocationTests extends AccessTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AccessTokenRepository tokens;

	/** A request made with the token: when it started, and what it got. */
	private record Use(long startedAt, int status) {
	}

	@Test
	void aTokenRevokedWhileInUseIsRefusedFromThenOnEveryTime() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 8; round++) {
				String[] token = stored(EnumSet.of(Permission.APPS_READ), null);
				UUID id = UUID.fromString(token[1]);
				Http holder = http().as(token[0]);
				AtomicBoolean stop = new AtomicBoolean();
				List<Use> uses = Collections.synchronizedList(new ArrayList<>());
				List<Future<?>> running = new ArrayList<>();
				for (int user = 0; user < 2; user++) {
					running.add(pool.submit(() -> {
						while (!stop.get()) {
							long started = System.nanoTime();
							uses.add(new Use(started, holder.get("/apps?limit=1").status()));
						}
					}));
				}
				// Keeps every use a "first use in a minute", so each one writes
				// lastUsedAt.
				running.add(pool.submit(() -> {
					while (!stop.get()) {
						this.jdbc.update("UPDATE access_tokens SET last_used_at = NULL WHERE id = ?", id);
					}
				}));
				// Revokes only once the token is seen working, whatever the machine's
				// load.
				for (int wait = 0; wait < 500 && uses.stream().noneMatch((use) -> use.status() == 200); wait++) {
					Thread.sleep(10);
				}
				assertThat(http().delete("/tokens/" + id).status()).isEqualTo(204);
				long revokedAt = System.nanoTime();
				Thread.sleep(150);
				stop.set(true);
				for (Future<?> task : running) {
					task.get(30, TimeUnit.SECONDS);
				}

				List<Use> after = uses.stream().filter((use) -> use.startedAt() > revokedAt).toList();
				assertThat(after).isNotEmpty();
				assertThat(after).allSatisfy((use) -> assertThat(use.status()).isEqualTo(401));
				assertThat(uses.stream().filter((use) -> use.startedAt() < revokedAt).map(Use::status)).contains(200);
				assertThat(holder.get("/apps").status()).isEqualTo(401);
				assertThat(this.jdbc.queryForObject("SELECT revoked_at IS NOT NULL FROM access_tokens WHERE id = ?",
						Boolean.class, id))
					.isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aStaleCopyOfATokenSavedAfterItsRevocationDoesNotRestoreIt() {
		String[] token = stored(EnumSet.of(Permission.APPS_READ), null);
		UUID id = UUID.fromString(token[1]);
		AccessToken stale = this.tokens.findById(id).orElseThrow();
		assertThat(stale.revoked()).isFalse();

		assertThat(http().delete("/tokens/" + id).status()).isEqualTo(204);
		this.tokens.saveAndFlush(stale);

		assertThat(this.tokens.findById(id).orElseThrow().revoked()).isTrue();
		assertProblem(http().as(token[0]).get("/apps"), 401);
	}

	@Test
	void theDatabaseRefusesToUnrevokeAToken() {
		String[] token = stored(EnumSet.of(Permission.APPS_READ), null);
		UUID id = UUID.fromString(token[1]);
		assertThat(http().delete("/tokens/" + id).status()).isEqualTo(204);

		assertThatException()
			.isThrownBy(() -> this.jdbc.update("UPDATE access_tokens SET revoked_at = NULL WHERE id = ?", id));
		assertThatException().isThrownBy(() -> this.jdbc
			.update("UPDATE access_tokens SET revoked_at = now() + interval '1 day' WHERE id = ?", id));
		assertThat(http().delete("/tokens/" + id).status()).isEqualTo(204);
		assertProblem(http().as(token[0]).get("/apps"), 401);
	}

}
