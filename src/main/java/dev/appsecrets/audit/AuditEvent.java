package dev.appsecrets.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One audit event as stored: who did what to which app and secret, when, from where, and
 * how it ended. Never a value, never a token.
 */
record AuditEvent(long seq, UUID id, Instant occurredAt, String action, AuditOutcome outcome, String actorId,
		String actorName, UUID appId, UUID secretId, String secretKey, Integer secretCount, UUID tokenId,
		String requestId, String clientIp, String userAgent, String reason) {

	/**
	 * The bytes the hash chain covers: every field, each length-prefixed (or marked
	 * absent), so no two different events share a form.
	 */
	byte[] canonicalForm() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeLong(this.seq);
			write(out, this.id);
			long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.occurredAt);
			out.writeLong(micros);
			write(out, this.action);
			write(out, this.outcome.value());
			write(out, this.actorId);
			write(out, this.actorName);
			write(out, this.appId);
			write(out, this.secretId);
			write(out, this.secretKey);
			out.writeInt((this.secretCount != null) ? this.secretCount : -1);
			write(out, this.tokenId);
			write(out, this.requestId);
			write(out, this.clientIp);
			write(out, this.userAgent);
			write(out, this.reason);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void write(DataOutputStream out, Object value) throws IOException {
		if (value == null) {
			out.writeByte(0);
		}
		else {
			out.writeByte(1);
			out.writeUTF(value.toString());
		}
	}

}
