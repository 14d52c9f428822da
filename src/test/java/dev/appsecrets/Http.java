package dev.appsecrets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running service: sends bodies exactly as given, so tests can
 * send what a careless or hostile caller would.
 */
public final class Http {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final String base;

	private final String token;

	private final ServedDocument document;

	/** A client that sends the test suite's admin token. */
	public Http(int port) {
		this(port, TestDatabase.ADMIN_TOKEN);
	}

	/**
	 * A client that sends the given bearer token.
	 * @param port the service's port
	 * @param token the bearer token, or null for none
	 */
	public Http(int port, String token) {
		this(port, token, null);
	}

	private Http(int port, String token, ServedDocument document) {
		this.port = port;
		this.base = "http://localhost:" + port;
		this.token = token;
		this.document = document;
	}

	/** The same service with another bearer token (null for none). */
	public Http as(String otherToken) {
		return new Http(this.port, otherToken, this.document);
	}

	/**
	 * The same client, checking every exchange against the service's OpenAPI document.
	 * @param served the document
	 * @return the checking client
	 */
	public Http checkedAgainst(ServedDocument served) {
		return new Http(this.port, this.token, served);
	}

	public Reply get(String path) {
		return send("GET", path, null, null);
	}

	public Reply delete(String path) {
		return send("DELETE", path, null, null);
	}

	public Reply post(String path, Object body) {
		return send("POST", path, "application/json", body);
	}

	public Reply patch(String path, Object body) {
		return send("PATCH", path, "application/json", body);
	}

	public Reply put(String path, Object body) {
		return send("PUT", path, "application/json", body);
	}

	/**
	 * Sends a request.
	 * @param method HTTP method
	 * @param path path and query
	 * @param contentType Content-Type, or null for none
	 * @param body a String or byte[] sent as is, any other object as JSON, or null for no
	 * body
	 * @return the reply
	 */
	public Reply send(String method, String path, String contentType, Object body) {
		return send(method, path, contentType, body, Map.of());
	}

	/**
	 * Sends a request with extra headers.
	 * @param method HTTP method
	 * @param path path and query
	 * @param contentType Content-Type, or null for none
	 * @param body as for {@link #send(String, String, String, Object)}
	 * @param headers more headers
	 * @return the reply
	 */
	public Reply send(String method, String path, String contentType, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, publisher(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		headers.forEach(request::header);
		Reply reply = send(request.build());
		if (this.document != null) {
			this.document.check(method, path, contentType, bytes(body), reply);
		}
		return reply;
	}

	private static byte[] bytes(Object body) {
		if (body == null || body instanceof byte[]) {
			return (byte[]) body;
		}
		return (body instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
	}

	/**
	 * Sends a body without a Content-Length, chunk by chunk, as a streaming client would.
	 * @param path path
	 * @param body the bytes to stream
	 * @return the reply
	 */
	public Reply postChunked(String path, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.token)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
	}

	private static Reply send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static BodyPublisher publisher(Object body) {
		if (body == null) {
			return BodyPublishers.noBody();
		}
		if (body instanceof byte[] bytes) {
			return BodyPublishers.ofByteArray(bytes);
		}
		if (body instanceof String text) {
			return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
		}
		return BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
	}

	/** What the service answered. */
	public record Reply(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

		/** The start of the body, short enough for an assertion message. */
		public String brief() {
			String body = body();
			return status() + " " + ((body.length() > 300) ? body.substring(0, 300) + "..." : body);
		}

		public String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return json.readTree(this.bytes);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The id of a created resource. */
		public String id() {
			return json().get("id").asString();
		}

	}

}
