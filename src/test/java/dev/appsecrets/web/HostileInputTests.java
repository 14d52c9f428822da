package dev.appsecrets.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.appsecrets.ApiTest;
import dev.appsecrets.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed requests on every route family: none is answered with a 5xx, and
 * every error is an RFC 9457 problem without a stack trace or SQL, whether the handlers,
 * the filters, Spring Security or Tomcat itself answered it.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests extends ApiTest {

	@LocalServerPort
	private int port;

	/** One hostile request and what it got. */
	private record Tried(String what, int status, String contentType, String body) {
	}

	@Test
	void noHostileRequestGetsA5xxAndEveryErrorIsAProblem() {
		String app = createApp("hostile");
		String secret = createSecret(app, "HOSTILE", "hostile-value");
		String secretPath = "/apps/" + app + "/secrets/" + secret;
		List<String> routes = List.of("/apps", "/apps/" + app, "/apps/" + app + "/secrets", secretPath,
				"/apps/" + app + "/secrets/deleted", secretPath + "/versions", secretPath + "/versions/1",
				secretPath + "/versions/1/restore", secretPath + "/rotate", secretPath + "/undelete", "/tokens",
				"/tokens/" + secret, "/audit-events", "/audit-events/verify", "/admin/encryption/status",
				"/admin/encryption/rotate");
		List<Tried> tried = new ArrayList<>();

		for (String route : routes) {
			for (String query : List.of("?limit=%", "?x=%FF", "?x=%C0%80", "?x=%00", "?values=%", "?offset=%G0",
					"?purge=%%%", "?cursor=%FF%FE", "?values=maybe&purge=sometimes")) {
				tried.add(send("GET", route + query, null, null));
			}
			for (String contentType : List.of("multipart/form-data", "multipart/mixed",
					"application/x-www-form-urlencoded", "text/plain", "application/xml")) {
				for (String method : List.of("GET", "POST", "PATCH", "PUT", "DELETE")) {
					tried.add(send(method, route, contentType, "a=%&b=%FF"));
				}
			}
		}
		for (String body : List.of("{\"length\": \"32\"}", "{\"length\": 16.5}", "{\"length\": 1e400}",
				"{\"length\": 99999999999999999999}", "{\"alphabet\": 7}", "{\"key\": 7, \"value\": \"v\"}",
				"{\"key\": \"K\", \"value\": true}", "{\"key\": \"K\", \"value\": [\"v\"]}", "{\"name\": {}}",
				"{\"unknown\": 1}", "{\"value\": \"\\uD800\"}", "{", "[", "\"just a string\"", "null", "",
				"{\"key\":\"K\",\"key\":\"L\",\"value\":\"v\"}", "[".repeat(5000), "{\"value\":" + "[".repeat(3000),
				"{\"name\": \"x\", \"permissions\": [\"apps:read\"], \"expiresAt\": 4102444800}",
				"{\"name\": \"x\", \"permissions\": [\"apps:read\"], \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}",
				"{\"name\": \"x\", \"permissions\": [\"apps:read\"], \"expiresAt\": \"-4714-11-23T00:00:00Z\"}",
				"{\"name\": \"x\", \"permissions\": [\"apps:read\"], \"appIds\": [\"" + app.toUpperCase() + "\"]}",
				"{\"name\": \"x\", \"permissions\": [\"root\"]}", "{\"name\": \"x\", \"permissions\": [null]}")) {
			for (String[] target : List.of(new String[] { "POST", "/apps" }, new String[] { "PATCH", "/apps/" + app },
					new String[] { "POST", "/apps/" + app + "/secrets" }, new String[] { "PATCH", secretPath },
					new String[] { "PUT", secretPath }, new String[] { "POST", secretPath + "/rotate" },
					new String[] { "POST", "/tokens" })) {
				tried.add(send(target[0], target[1], "application/json", body));
			}
		}
		for (String query : List.of("from=-999999999-01-01T00:00:00Z", "to=-4714-11-23T00:00:00Z",
				"from=+294277-01-01T00:00:00Z", "from=yesterday", "requestId=%00", "actor=%01", "action=%00",
				"action=nope", "outcome=weird", "cursor=abc", "cursor=%25%25", "limit=0", "limit=99999999999999",
				"appId=" + app.toUpperCase(), "appId=" + app + "%20", "secretId=x")) {
			tried.add(send("GET", "/audit-events?" + query, null, null));
		}
		for (String path : List.of("/apps/%2F", "/apps/a%5Cb", "/apps;x=1", "/apps//" + app,
				secretPath + "/%2e%2e/" + secret, "/apps/%00", "/error", "/apps/" + app + "/secrets/%FF",
				"/apps/%C0%AF", "/apps/" + "a".repeat(10_000))) {
			tried.add(send("GET", path, null, null));
		}
		for (String header : List.of("User-Agent: caf\u00e9 \u0085", "User-Agent: \u00f0\u009f\u0098\u0080",
				"X-Access-Reason: \u00e2\u0098\u0095 \u0090\u009f", "X-Request-Id: \u0085\u0085", "If-Match: \u0080",
				"X-Big: " + "a".repeat(10_000), "Authorization: Bearer sv_\u0080")) {
			tried.add(raw("GET " + secretPath + " HTTP/1.1", header));
		}
		for (String query : List.of("offset=0x10", "limit=+5", "limit=%205", "limit=%EF%BC%93", "limit=2147483648",
				"offset=99999999999999999999")) {
			tried.add(send("GET", "/apps?" + query, null, null));
		}
		for (String query : List.of("values=yes", "values=1", "values=", "values=TRUE")) {
			tried.add(send("GET", "/apps/" + app + "/secrets?" + query, null, null));
		}
		tried.add(send("GET", "/actuator/health/unknown", null, null));
		for (String contentType : List.of("*/*", "application/*", "\"application/json\"", "\"application/json",
				"application/json;charset=ISO-8859-1", "application/json;charset=nope", "*", "application/*+json")) {
			tried.add(send("POST", "/apps", contentType, "{\"name\": \"typed\"}"));
			tried.add(send("POST", secretPath + "/rotate", contentType, null));
			tried.add(send("GET", "/actuator/health/liveness", contentType, null));
		}
		tried.add(raw("POST /apps HTTP/1.1", "Content-Type: application/json", "Content-Type: text/plain"));
		for (String method : List.of("PROPFIND", "FOO", "QUERY", "get")) {
			tried.add(raw(method + " /apps HTTP/1.1", "X-Nothing: 1"));
		}
		tried.add(send("POST", secretPath + "/rotate", "application/json", "{\"length\": 2147483648}"));
		tried.add(raw("POST /apps HTTP/1.1", "Transfer-Encoding: gzip", "Content-Type: application/json"));
		for (String contentType : List.of("application/json;charset", "application/json;charset=", "*/*")) {
			tried.add(raw("TRACE /actuator/health/liveness HTTP/1.1", "Content-Type: " + contentType));
		}
		for (String requestLine : List.of("CONNECT /apps HTTP/1.1", "TRACE /apps HTTP/1.1", "BREW /apps HTTP/1.1",
				"GET /apps HTTP/9.9", "GET /apps HTTP/2.0", "GET /apps/%zz HTTP/1.1", "GET /apps?x=%zz HTTP/1.1",
				"GET /apps/\u0001 HTTP/1.1")) {
			tried.add(raw(requestLine, "X-Nothing: 1"));
		}

		assertThat(tried).hasSizeGreaterThan(150);
		assertThat(tried).allSatisfy((reply) -> {
			assertThat(reply.status()).as(reply::toString).isBetween(200, 499);
			if (reply.status() >= 400) {
				assertThat(reply.contentType()).as(reply::toString).startsWith("application/problem+json");
				assertThat(reply.body()).as(reply::what)
					.doesNotContain("Exception")
					.doesNotContain("SQL")
					.doesNotContain("\tat ")
					.doesNotContain("hostile-value")
					.doesNotContain(TestDatabase.ADMIN_TOKEN);
			}
		});
		// Some of the odd requests were valid deletes; the service itself is unharmed.
		assertThat(http().get("/apps").status()).isEqualTo(200);
	}

	@Test
	void aMalformedHeaderLineCarryingATokenNeverReachesTheLog(CapturedOutput output) {
		String token = "sv_" + "LeakCanary".repeat(5);

		Tried malformed = raw("GET /apps HTTP/1.1", "Authorization Bearer " + token, "X-Broken\u0001: " + token);
		Tried folded = raw("GET /apps HTTP/1.1", "X-Folded: a", " Bearer " + token);

		assertThat(malformed.status()).isLessThan(500);
		assertThat(folded.status()).isLessThan(500);
		assertThat(output.getAll()).doesNotContain(token).doesNotContain("LeakCanary");
	}

	@Test
	void aUtf8UserAgentAndReasonAreStoredAsTheCallerWroteThem() {
		String app = createApp("utf8-headers");
		String secret = createSecret(app, "UTF8", "v");

		Tried read = raw("GET /apps/" + app + "/secrets/" + secret + " HTTP/1.1",
				"User-Agent: " + latin1("caf\u00e9 \u2615"), "X-Access-Reason: " + latin1("\u00fcbung \u2615 \u0085"),
				"X-Request-Id: utf8-headers-1");

		assertThat(read.status()).as(read::toString).isEqualTo(200);
		JsonNode event = http().get("/audit-events?requestId=utf8-headers-1").json().get("events").get(0);
		assertThat(event.get("userAgent").asString()).isEqualTo("caf\u00e9 \u2615");
		assertThat(event.get("reason").asString()).isEqualTo("\u00fcbung \u2615  ");
	}

	/** The UTF-8 bytes of a text, one char per byte, as a raw header carries them. */
	private static String latin1(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private Tried send(String method, String path, String contentType, String body) {
		List<String> headers = new ArrayList<>();
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (contentType != null) {
			headers.add("Content-Type: " + contentType);
		}
		if (body != null) {
			headers.add("Content-Length: " + bytes.length);
		}
		Tried tried = exchange(method + " " + path + " HTTP/1.1", headers, bytes);
		return new Tried(method + " " + path + " " + contentType + " " + brief(body), tried.status(),
				tried.contentType(), tried.body());
	}

	/**
	 * Sends bytes as they are (one byte per char), for what a well-behaved client refuses
	 * to send.
	 */
	private Tried raw(String requestLine, String... headers) {
		return exchange(requestLine, List.of(headers), new byte[0]);
	}

	private Tried exchange(String requestLine, List<String> headers, byte[] body) {
		StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n")
			.append("Authorization: Bearer ")
			.append(TestDatabase.ADMIN_TOKEN)
			.append("\r\nConnection: close\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			String text = answer.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			String contentType = text.lines()
				.takeWhile((line) -> !line.isEmpty())
				.filter((line) -> line.toLowerCase().startsWith("content-type:"))
				.map((line) -> line.substring(13).strip())
				.findFirst()
				.orElse("");
			int bodyStart = text.indexOf("\r\n\r\n");
			return new Tried(brief(requestLine + " " + String.join(" ", headers)), status, contentType,
					(bodyStart >= 0) ? text.substring(bodyStart + 4) : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String brief(String text) {
		return (text != null && text.length() > 80) ? text.substring(0, 80) + "..." : text;
	}

}
