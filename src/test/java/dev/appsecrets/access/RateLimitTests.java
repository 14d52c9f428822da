package dev.appsecrets.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.appsecrets.AppSecretsVaultApplication;
import dev.appsecrets.Http;
import dev.appsecrets.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits seen from outside: per caller and kind of request, per address for failed
 * authentication, with the draft's headers, behind trusted and untrusted proxies, and
 * shared by two instances through PostgreSQL.
 */
class RateLimitTests {

	private static final String APPS = "/apps/" + UUID.randomUUID();

	@Test
	void aCallerOverItsReadBudgetGets429WithRetryAfterAndIsServedAgainAfterTheWaitWhileOthersAreNot()
			throws InterruptedException {
		try (ConfigurableApplicationContext context = start("--secrets.rate-limit.value-reads.capacity=3",
				"--secrets.rate-limit.value-reads.period=3s", "--secrets.cors-allowed-origins=https://ui.example")) {
			Http admin = http(context);
			String appId = admin.post("/apps", Map.of("name", "limited")).id();
			String secretId = admin.post("/apps/" + appId + "/secrets", Map.of("key", "K", "value", "v")).id();
			Http reader = admin.as(token(admin, "secrets:read"));
			Http other = admin.as(token(admin, "secrets:read"));
			String path = "/apps/" + appId + "/secrets/" + secretId;

			Http.Reply first = reader.get(path);
			assertThat(first.status()).isEqualTo(200);
			assertThat(first.header("RateLimit-Policy")).isEqualTo("\"value-reads\";q=3;w=3");
			assertThat(first.header("RateLimit")).startsWith("\"value-reads\";r=2;t=");
			assertThat(reader.get("/apps/" + appId + "/secrets").status()).isEqualTo(200);
			assertThat(reader.get(path).status()).isEqualTo(200);

			Http.Reply limited = reader.get(path);
			assertThat(limited.status()).isEqualTo(429);
			assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
			assertThat(limited.json().get("status").asInt()).isEqualTo(429);
			assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 3);
			assertThat(limited.header("RateLimit")).startsWith("\"value-reads\";r=0;t=");
			assertThat(limited.body()).doesNotContain("\"v\"");

			assertThat(other.get(path).status()).as("another caller").isEqualTo(200);
			// A names-only list is no value read: another budget.
			Http.Reply namesOnly = reader.get("/apps/" + appId + "/secrets?values=false");
			assertThat(namesOnly.status()).isEqualTo(200);
			assertThat(namesOnly.header("RateLimit-Policy")).startsWith("\"other\";");

			Thread.sleep(Long.parseLong(limited.header("Retry-After")) * 1000 + 200);
			assertThat(reader.get(path).status()).as("after the wait").isEqualTo(200);

			Http.Reply cors = reader.send("GET", path, null, null, Map.of("Origin", "https://ui.example"));
			assertThat(cors.header("Access-Control-Expose-Headers")).contains("RateLimit", "RateLimit-Policy",
					"Retry-After", "ETag", "X-Request-Id");

			// The frontend's preflight for a production reveal with its reason, and for a
			// guarded write: every header it sends is allowed.
			for (String method : new String[] { "GET", "PUT" }) {
				Http.Reply preflight = admin.as(null)
					.send("OPTIONS", path, null, null,
							Map.of("Origin", "https://ui.example", "Access-Control-Request-Method", method,
									"Access-Control-Request-Headers",
									"authorization,content-type,x-access-reason,if-match,if-none-match,x-request-id"));
				assertThat(preflight.status()).as(preflight::brief).isEqualTo(200);
				assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://ui.example");
				assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase(java.util.Locale.ROOT))
					.contains("x-access-reason", "authorization", "if-match", "if-none-match");
				assertThat(preflight.header("Access-Control-Allow-Methods")).contains(method);
			}
		}
	}

	@Test
	void writesAndOtherRequestsHaveBudgetsOfTheirOwn() {
		try (ConfigurableApplicationContext context = start("--secrets.rate-limit.writes.capacity=2",
				"--secrets.rate-limit.writes.period=1h")) {
			Http admin = http(context);
			Http writer = admin.as(token(admin, "apps:write", "apps:read"));

			assertThat(writer.post("/apps", Map.of("name", "w1")).status()).isEqualTo(201);
			assertThat(writer.post("/apps", Map.of("name", "w2")).status()).isEqualTo(201);
			Http.Reply third = writer.post("/apps", Map.of("name", "w3"));
			assertThat(third.status()).isEqualTo(429);
			assertThat(third.header("RateLimit-Policy")).isEqualTo("\"writes\";q=2;w=3600");
			assertThat(writer.get("/apps").status()).as("reads are another budget").isEqualTo(200);
		}
	}

	@Test
	void aThousandBadTokensFromOneAddressCostAtMostTheBudgetInAuditRowsAndASpoofedForwardedForChangesNothing() {
		try (ConfigurableApplicationContext context = start("--secrets.rate-limit.failed-auth.capacity=5",
				"--secrets.rate-limit.failed-auth.period=1h", "--server.forward-headers-strategy=native",
				"--server.tomcat.remoteip.internal-proxies=10\\.9\\.9\\.9")) {
			Http admin = http(context);
			// The admin authenticated lately: a blocked address does not lock it out.
			assertThat(admin.get("/apps").status()).isEqualTo(200);
			String agent = "guesser-" + UUID.randomUUID();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long before = jdbc.queryForObject("select count(*) from audit_events", Long.class);
			long deniedBefore = jdbc.queryForObject("select count(*) from audit_events where outcome = 'denied'",
					Long.class);

			int unauthorized = 0;
			int limited = 0;
			for (int i = 0; i < 1000; i++) {
				Http.Reply reply = admin.as("sv_guess" + i)
					.send("GET", "/apps", null, null,
							Map.of("User-Agent", agent, "X-Forwarded-For", "203.0.113." + (i % 250)));
				if (reply.status() == 401) {
					unauthorized++;
				}
				else {
					assertThat(reply.status()).isEqualTo(429);
					assertThat(reply.header("RateLimit-Policy")).isEqualTo("\"failed-auth\";q=5;w=3600");
					limited++;
				}
			}

			assertThat(unauthorized).isEqualTo(5);
			assertThat(limited).isEqualTo(995);
			assertThat(context.getBean(MeterRegistry.class)
				.get("secrets.ratelimit.limited")
				.tag("budget", "failed-auth")
				.counter()
				.count()).isEqualTo(995);
			assertThat(jdbc.queryForObject("select count(*) from audit_events where user_agent = ?", Long.class, agent))
				.isEqualTo(5);
			assertThat(jdbc.queryForList("select distinct client_ip from audit_events where user_agent = ?",
					String.class, agent))
				.as("the untrusted X-Forwarded-For is ignored")
				.allMatch((ip) -> ip.equals("127.0.0.1") || ip.equals("0:0:0:0:0:0:0:1"));
			assertThat(jdbc.queryForObject("select count(*) from audit_events", Long.class) - before).isEqualTo(5);
			assertThat(admin.as(null).get("/apps").status()).as("no token at all").isEqualTo(429);
			assertThat(admin.as("guessing-the-admin-token").get("/apps").status()).as("an admin-token guess")
				.isEqualTo(429);
			assertThat(admin.get("/apps").status()).as("the admin, known good").isEqualTo(200);
			// An API token cannot be guessed: a good one never used before still proves
			// itself from the blocked address, and a bad one gets a 429 with no audit
			// row.
			String fresh = token(admin, "apps:read");
			assertThat(admin.as(fresh).get("/apps").status()).as("a new API token").isEqualTo(200);
			assertThat(admin.as("sv_still-guessing").get("/apps").status()).isEqualTo(429);
			assertThat(jdbc.queryForObject("select count(*) from audit_events where outcome = 'denied'", Long.class))
				.isEqualTo(deniedBefore + 5);
		}
	}

	@Test
	void behindATrustedProxyEachForwardedClientHasItsOwnBudgetAndItsAddressIsAudited() {
		try (ConfigurableApplicationContext context = start("--secrets.rate-limit.failed-auth.capacity=2",
				"--secrets.rate-limit.failed-auth.period=1h", "--server.forward-headers-strategy=native",
				"--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")) {
			Http anonymous = http(context).as("sv_wrong");
			Map<String, String> first = Map.of("X-Forwarded-For", "198.51.100.7");
			Map<String, String> second = Map.of("X-Forwarded-For", "198.51.100.8");

			assertThat(anonymous.send("GET", "/apps", null, null, first).status()).isEqualTo(401);
			assertThat(anonymous.send("GET", "/apps", null, null, first).status()).isEqualTo(401);
			assertThat(anonymous.send("GET", "/apps", null, null, first).status()).isEqualTo(429);
			assertThat(anonymous.send("GET", "/apps", null, null, second).status()).isEqualTo(401);
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("select distinct client_ip from audit_events where client_ip like '198.51.100.%'",
						String.class))
				.containsExactlyInAnyOrder("198.51.100.7", "198.51.100.8");
		}
	}

	@Test
	void twoInstancesWithThePostgresqlStoreShareOneBudgetPerCaller() {
		try (TestDatabase.Fresh database = TestDatabase.freshDatabase()) {
			String[] shared = { "--secrets.rate-limit.store=postgresql", "--secrets.rate-limit.other.capacity=10",
					"--secrets.rate-limit.other.period=1h", "--secrets.master-key=" + TestDatabase.MASTER_KEY };
			try (ConfigurableApplicationContext one = start(database.arguments(), shared);
					ConfigurableApplicationContext two = start(database.arguments(), shared)) {
				List<Http> instances = List.of(http(one), http(two));
				int served = 0;
				int limited = 0;
				for (int i = 0; i < 30; i++) {
					int status = instances.get(i % 2).get("/apps").status();
					if (status == 200) {
						served++;
					}
					else {
						assertThat(status).isEqualTo(429);
						limited++;
					}
				}
				assertThat(served).as("both instances together").isEqualTo(10);
				assertThat(limited).isEqualTo(20);
				assertThat(new JdbcTemplate(database.dataSource())
					.queryForObject("select count(*) from rate_limit_buckets", Long.class)).isPositive();
			}
		}
	}

	@Test
	void aNewCallersFirstBurstAcrossTwoInstancesWithThePostgresqlStoreStaysWithinItsBudget() throws Exception {
		try (TestDatabase.Fresh database = TestDatabase.freshDatabase()) {
			String[] shared = { "--secrets.rate-limit.store=postgresql", "--secrets.rate-limit.other.capacity=10",
					"--secrets.rate-limit.other.period=1h", "--secrets.master-key=" + TestDatabase.MASTER_KEY };
			try (ConfigurableApplicationContext one = start(database.arguments(), shared);
					ConfigurableApplicationContext two = start(database.arguments(), shared)) {
				ExecutorService pool = Executors.newFixedThreadPool(32);
				try {
					for (int round = 0; round < 3; round++) {
						String fresh = token(http(one), "apps:read");
						List<Http> instances = List.of(http(one).as(fresh), http(two).as(fresh));
						List<Future<Integer>> replies = new ArrayList<>();
						for (int i = 0; i < 60; i++) {
							Http instance = instances.get(i % 2);
							replies.add(pool.submit(() -> instance.get("/apps").status()));
						}
						int served = 0;
						for (Future<Integer> reply : replies) {
							int status = reply.get();
							assertThat(status).isIn(200, 429);
							served += (status == 200) ? 1 : 0;
						}
						assertThat(served).as("round " + round).isEqualTo(10);
					}
				}
				finally {
					pool.shutdownNow();
				}
			}
		}
	}

	@Test
	void healthProbesAndTheApiDocumentationAreNotLimitedAndCheckNoToken() {
		try (ConfigurableApplicationContext context = start("--secrets.rate-limit.failed-auth.capacity=1",
				"--secrets.rate-limit.failed-auth.period=1h")) {
			Http anonymous = http(context).as(null);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long events = jdbc.queryForObject("select count(*) from audit_events", Long.class);
			for (int i = 0; i < 5; i++) {
				assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
				// A token sent there is not looked up: no 401 to tell a bad one from a
				// good
				// one, no audit row.
				assertThat(anonymous.as("sv_wrong" + i).get("/actuator/health/liveness").status()).isEqualTo(200);
				assertThat(anonymous.as("wrong-admin" + i).get("/v3/api-docs").status()).isEqualTo(200);
				assertThat(anonymous.as("wrong-admin" + i).get("/v3/api-docs.yaml").status()).isEqualTo(200);
			}
			assertThat(jdbc.queryForObject("select count(*) from audit_events", Long.class)).isEqualTo(events);
			assertThat(anonymous.get(APPS).status()).isEqualTo(401);
			assertThat(anonymous.get(APPS).status()).isEqualTo(429);
			assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		}
	}

	private static String token(Http admin, String... permissions) {
		Http.Reply reply = admin.post("/tokens",
				Map.of("name", "limited " + UUID.randomUUID(), "permissions", List.of(permissions)));
		assertThat(reply.status()).as(reply::brief).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	private static ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(Arrays.stream(TestDatabase.arguments())
			.filter((argument) -> !argument.startsWith("--secrets.rate-limit.enabled"))
			.toList());
		return start(arguments.toArray(String[]::new), settings);
	}

	private static ConfigurableApplicationContext start(String[] base, String... settings) {
		List<String> arguments = new ArrayList<>(Arrays.stream(base)
			.filter((argument) -> !argument.startsWith("--secrets.rate-limit.enabled"))
			.toList());
		arguments.add("--server.port=0");
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(AppSecretsVaultApplication.class).run(arguments.toArray(String[]::new));
	}

	private static Http http(ConfigurableApplicationContext context) {
		return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
