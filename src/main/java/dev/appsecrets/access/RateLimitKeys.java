package dev.appsecrets.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTParser;
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
	 * The caller's key: a JWT's subject, or the bearer credential itself (an API token,
	 * the admin token), each hashed so that no key holds a credential or equals a stored
	 * token hash. {@code null} without a well-formed bearer credential.
	 */
	static String caller(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return null;
		}
		var matcher = BEARER.matcher(header);
		if (!matcher.matches()) {
			return null;
		}
		String token = matcher.group("token");
		if (!token.startsWith(TokenHashes.PREFIX) && token.chars().filter((c) -> c == '.').count() == 2) {
			String subject = jwtSubject(token);
			if (subject != null) {
				return hash("jwt:" + subject);
			}
		}
		return hash("bearer:" + token);
	}

	/**
	 * The subject a JWT claims, not yet verified: a forged one only draws on that
	 * subject's bucket until it fails authentication, which gives the request back.
	 */
	private static String jwtSubject(String token) {
		try {
			return JWTParser.parse(token).getJWTClaimsSet().getSubject();
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
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

	/**
	 * Whether a path is one that is never limited: health probes and API documentation.
	 */
	static boolean unlimited(String path) {
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/v3/api-docs")
				|| path.startsWith("/v3/api-docs/") || path.equals("/swagger-ui.html")
				|| path.startsWith("/swagger-ui/");
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
