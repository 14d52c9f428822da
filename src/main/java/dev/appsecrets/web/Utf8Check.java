package dev.appsecrets.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks bytes, as they stream past, with the JDK's strict UTF-8 decoder: Jackson's byte
 * parser decodes overlong forms ({@code C0 A2} as {@code "}) where the JDK refuses them,
 * so a value would be stored as other characters than those sent.
 */
final class Utf8Check {

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	/** The end of a sequence split between two reads, at most three bytes. */
	private byte[] pending = new byte[0];

	private boolean ended;

	/**
	 * Checks the next bytes of the body.
	 * @throws MalformedBodyException if they are not UTF-8
	 */
	void update(byte[] bytes, int offset, int length) {
		byte[] input = new byte[this.pending.length + length];
		System.arraycopy(this.pending, 0, input, 0, this.pending.length);
		System.arraycopy(bytes, offset, input, this.pending.length, length);
		ByteBuffer in = ByteBuffer.wrap(input);
		check(this.decoder.decode(in, CharBuffer.allocate(input.length), false));
		this.pending = new byte[in.remaining()];
		in.get(this.pending);
	}

	/**
	 * Checks that the body did not end inside a sequence.
	 * @throws MalformedBodyException if it did
	 */
	void end() {
		if (this.ended) {
			// A stream may be asked past its end more than once.
			return;
		}
		this.ended = true;
		ByteBuffer in = ByteBuffer.wrap(this.pending);
		CharBuffer out = CharBuffer.allocate(this.pending.length + 1);
		check(this.decoder.decode(in, out, true));
		check(this.decoder.flush(out));
		this.pending = new byte[0];
	}

	private static void check(CoderResult result) {
		if (result.isError()) {
			throw new MalformedBodyException("Request body is not well-formed UTF-8");
		}
	}

}
