package dev.appsecrets.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Whose bucket a request draws on, read without the database: the caller from its
 * credential, the client from its address.
 */
final class RateLimitKeys {

	/** Spring Security's reading of a bearer credential (RFC 6750). */
	private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	private RateLimitKeys() {
	}

	/**
	 * Who a request's bearer credential says it is, read without the database.
	 * {@code null} without a well-formed bearer credential.
	 */
	static Credential caller(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return null;
		}
		var matcher = BEARER.matcher(header);
		if (!matcher.matches()) {
			return null;
		}
		String token = matcher.group("token");
		if (token.startsWith(TokenHashes.PREFIX)) {
			return new Credential(hash("bearer:" + token), true);
		}
		if (token.chars().filter((c) -> c == '.').count() == 2) {
			// A JWT: its subject is known only once its signature is checked, so its
			// budget is drawn after authentication (a forged one must not draw on the
			// subject it names).
			return new Credential(null, true);
		}
		return new Credential(hash("bearer:" + token), false);
	}

	/** The key of a JWT caller, once authenticated: its subject. */
	static String jwtCaller(String principal, HttpServletRequest request) {
		if (principal.equals("jwt:null")) {
			// No subject: the token itself is the caller.
			return hash("bearer:" + request.getHeader(HttpHeaders.AUTHORIZATION));
		}
		return hash(principal);
	}

	/**
	 * A bearer credential.
	 *
	 * @param key the caller's key (each credential hashed so that no key holds one or
	 * equals a stored token hash), or {@code null} for a JWT, keyed after authentication
	 * @param unguessable an API token (256 random bits) or a JWT (signed): one that may
	 * still prove itself from an address over its failed-authentication budget, since no
	 * amount of guessing finds one; any other credential (the admin token, which an
	 * operator may have chosen short) may not
	 */
	record Credential(String key, boolean unguessable) {
	}

	/**
	 * The client's address, as the servlet container resolved it (from
	 * {@code X-Forwarded-For} only behind a trusted proxy). IPv6 addresses count by their
	 * /64 network: a single client usually holds a whole one.
	 */
	static String address(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null || address.indexOf(':') < 0) {
			return address;
		}
		try {
			// A literal address: no name lookup.
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 16) {
				return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
			}
			return address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** A short name for a caller key in the log. */
	static String fingerprint(String callerKey) {
		return "caller " + callerKey.substring(0, 12);
	}

	private static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("rate-limit:" + text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
