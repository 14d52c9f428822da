package dev.appsecrets.secret;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import dev.appsecrets.web.SecretValue;

/**
 * Writes values as a {@code .properties} file with the JDK's own
 * {@link Properties#store(java.io.OutputStream, String)}, so that {@link Properties}
 * reads them back exactly: ASCII, with {@code \}{@code uXXXX} escapes for everything
 * else, in key order, without the date line {@code store} starts with.
 */
final class JavaProperties {

	private JavaProperties() {
	}

	static byte[] write(Map<String, SecretValue> values) {
		Ordered properties = new Ordered();
		values.forEach((key, value) -> properties.put(key, value.reveal()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			properties.store(out, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String file = out.toString(StandardCharsets.ISO_8859_1);
		// The first line is the date comment that store() always writes.
		return file.substring(file.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Properties that {@code store} in the order they were put: it writes
	 * {@link #entrySet()}, which a subclass may order (the JDK sorts only its own class).
	 */
	@SuppressWarnings("serial")
	private static final class Ordered extends Properties {

		private final Set<Map.Entry<Object, Object>> ordered = new LinkedHashSet<>();

		@Override
		public synchronized Object put(Object key, Object value) {
			this.ordered.add(Map.entry(key, value));
			return super.put(key, value);
		}

		@Override
		public Set<Map.Entry<Object, Object>> entrySet() {
			return Collections.unmodifiableSet(this.ordered);
		}

	}

}
