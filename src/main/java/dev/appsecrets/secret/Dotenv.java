package dev.appsecrets.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.appsecrets.web.CanonicalIds;
import dev.appsecrets.web.SecretValue;

/**
 * The dotenv files of this service: how an export writes them, and the strict grammar a
 * bulk import reads. docs/dotenv.md gives the grammar and what each of dotenv-java,
 * python-dotenv and docker compose reads back; in short:
 * <ul>
 * <li>Each value is written in the first of these forms that fits it. <b>Bare</b> or
 * <b>plainly double-quoted</b> (no escapes): read back the same by all three readers.
 * <b>Single-quoted</b> (no escapes; for values with {@code $} or both kinds of quotes):
 * by python-dotenv and docker compose. <b>Double-quoted with escapes</b> ({@code \\},
 * {@code \"}, {@code \n}, {@code \r}, {@code \$}, {@code \0}): by docker compose, and by
 * python-dotenv if the value has no {@code $}; NUL by this service only.</li>
 * <li>The import reads everything the export writes, and refuses, with the line, what
 * those readers would read differently: {@code $NAME} or {@code ${NAME}} unescaped, a
 * {@code #} inside a bare value, {@code \\} inside single quotes, a lone CR.</li>
 * </ul>
 */
final class Dotenv {

	private Dotenv() {
	}

	/**
	 * What a dotenv body holds: its entries, and what is wrong with its lines.
	 *
	 * @param entries the keys and values, in the order of the file
	 * @param errors the lines that could not be read, with why
	 */
	record Parsed(List<ImportEntry> entries, List<ImportError> errors) {

	}

	/** The whole file: one {@code KEY=value} line per key, in the map's order. */
	static String write(Map<String, SecretValue> values) {
		StringBuilder file = new StringBuilder();
		values.forEach((key, value) -> file.append(key).append('=').append(encode(value.reveal())).append('\n'));
		return file.toString();
	}

	/** One value, in the first form that holds it (see the class comment). */
	static String encode(String value) {
		if (value.isEmpty()) {
			return "\"\"";
		}
		if (bare(value)) {
			return value;
		}
		if (plainlyQuoted(value)) {
			return '"' + value + '"';
		}
		if (singleQuoted(value)) {
			return '\'' + value + '\'';
		}
		StringBuilder escaped = new StringBuilder(value.length() + 8).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '"' -> escaped.append("\\\"");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '$' -> escaped.append("\\$");
				case '\0' -> escaped.append("\\0");
				default -> escaped.append(c);
			}
		}
		return escaped.append('"').toString();
	}

	/**
	 * Whether dotenv-java, python-dotenv and docker compose all read the value back
	 * exactly as the export writes it.
	 */
	static boolean portable(String value) {
		return value.isEmpty() || bare(value) || plainlyQuoted(value);
	}

	/**
	 * No quotes needed: nothing a reader trims, cuts or expands, and no quote where one
	 * would be read as quoting.
	 */
	private static boolean bare(String value) {
		char first = value.charAt(0);
		char last = value.charAt(value.length() - 1);
		return !blank(first) && !blank(last) && first != '"' && first != '\'' && last != '"' && value.indexOf('#') < 0
				&& value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\0') < 0 && !expandable(value);
	}

	/**
	 * In double quotes as it is: dotenv-java reads no escapes, so the value may hold no
	 * {@code "} and no backslash that another reader would read as an escape; a
	 * multi-line value neither starts with a line break nor holds {@code #}, which
	 * dotenv-java's line-by-line reading gets wrong.
	 */
	private static boolean plainlyQuoted(String value) {
		if (value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0 || expandable(value)) {
			return false;
		}
		if (value.indexOf('\n') >= 0 && (value.charAt(0) == '\n' || value.indexOf('#') >= 0)) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) == '\\'
					&& (i + 1 == value.length() || "\\\"'$0abfnrtv".indexOf(value.charAt(i + 1)) >= 0)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * In single quotes as it is: docker compose and python-dotenv expand nothing there
	 * but {@code ${} (python-dotenv), and read no escape but a backslash before a quote
	 * or a backslash.
	 */
	private static boolean singleQuoted(String value) {
		return value.indexOf('\'') < 0 && value.indexOf('\\') < 0 && value.indexOf('\r') < 0 && value.indexOf('\0') < 0
				&& !value.contains("${");
	}

	/**
	 * Whether docker compose or python-dotenv would read a {@code $} in the text as the
	 * start of a variable: before {@code $}, <code>{</code>, {@code _} or a letter (Go's
	 * case folding also takes U+017F and U+212A for letters).
	 */
	static boolean expandable(CharSequence text) {
		for (int i = 0; i + 1 < text.length(); i++) {
			if (text.charAt(i) == '$' && startsVariable(text.charAt(i + 1))) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsVariable(char c) {
		return c == '$' || c == '{' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017F'
				|| c == '\u212A';
	}

	/** Whitespace to any of the readers: trimmed from a bare value. */
	private static boolean blank(char c) {
		return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
	}

	/**
	 * Reads a dotenv body by the strict grammar of docs/dotenv.md.
	 * @param text the body
	 * @return its entries and the errors of its lines
	 */
	static Parsed parse(String text) {
		return new Reader(text).read();
	}

	/** The strict reading, one statement at a time. */
	private static final class Reader {

		private final String text;

		private final List<ImportEntry> entries = new ArrayList<>();

		private final List<ImportError> errors = new ArrayList<>();

		private int position;

		private int line = 1;

		Reader(String text) {
			this.text = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
		}

		Parsed read() {
			while (this.position < this.text.length()) {
				int start = this.line;
				try {
					statement();
				}
				catch (LineError ex) {
					// Only a valid key is named: the text of a bad line may be a value.
					this.errors.add(new ImportError(start, CanonicalIds.key(ex.key), ex.getMessage()));
					skipToNextLine();
				}
			}
			return new Parsed(this.entries, this.errors);
		}

		private void statement() {
			skipBlanks();
			if (atLineEnd()) {
				next();
				return;
			}
			if (peek() == '#') {
				skipToNextLine();
				return;
			}
			int keyLine = this.line;
			if (this.text.startsWith("export", this.position) && this.position + 6 < this.text.length()
					&& (this.text.charAt(this.position + 6) == ' ' || this.text.charAt(this.position + 6) == '\t')) {
				this.position += 6;
				skipBlanks();
			}
			int keyStart = this.position;
			while (this.position < this.text.length() && "=#\n \t".indexOf(peek()) < 0 && peek() != '\r') {
				this.position++;
			}
			String key = this.text.substring(keyStart, this.position);
			skipBlanks();
			if (key.isEmpty() || this.position >= this.text.length() || peek() != '=') {
				// Without "=" the text is no key for sure: perhaps a line of a value. Not
				// named.
				throw new LineError(null, "expected KEY=value");
			}
			this.position++;
			skipBlanks();
			String value;
			if (this.position < this.text.length() && peek() == '"') {
				value = doubleQuoted(key);
				afterQuote(key);
			}
			else if (this.position < this.text.length() && peek() == '\'') {
				value = singleQuoted(key);
				afterQuote(key);
			}
			else {
				value = bare(key);
			}
			this.entries.add(new ImportEntry(keyLine, key, SecretValue.of(value)));
		}

		private String doubleQuoted(String key) {
			this.position++;
			StringBuilder value = new StringBuilder();
			while (true) {
				if (this.position >= this.text.length()) {
					throw new LineError(key, "the double quote is not closed");
				}
				char c = next();
				if (c == '"') {
					return value.toString();
				}
				if (c == '\r') {
					throw new LineError(key, "a carriage return: write \\r inside double quotes");
				}
				if (c == '$' && this.position < this.text.length() && startsVariable(peek())) {
					throw new LineError(key, "$ before a name, {, _ or $ would be expanded by docker compose or "
							+ "python-dotenv: write \\$ for a literal $");
				}
				if (c != '\\') {
					value.append(c);
					continue;
				}
				if (this.position >= this.text.length()) {
					throw new LineError(key, "the double quote is not closed");
				}
				char escaped = next();
				switch (escaped) {
					case '\\', '"', '$' -> value.append(escaped);
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case '0' -> value.append('\0');
					case 'a' -> value.append('\u0007');
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					case 'v' -> value.append('\u000B');
					case '\'' -> throw new LineError(key,
							"\\' inside double quotes is read as ' by python-dotenv and as \\' by docker compose: "
									+ "write ' alone");
					default -> {
						// Read as written by every reader: "C:\path".
						value.append('\\');
						this.position--;
						if (escaped == '\n') {
							this.line--;
						}
					}
				}
			}
		}

		private String singleQuoted(String key) {
			this.position++;
			StringBuilder value = new StringBuilder();
			while (true) {
				if (this.position >= this.text.length()) {
					throw new LineError(key, "the single quote is not closed");
				}
				char c = next();
				if (c == '\'') {
					return value.toString();
				}
				if (c == '\r') {
					throw new LineError(key, "a carriage return: write \\r inside double quotes");
				}
				if (c == '$' && this.position < this.text.length() && peek() == '{') {
					throw new LineError(key,
							"${ inside single quotes is expanded by python-dotenv: write it in double quotes as \\${");
				}
				if (c == '\\' && this.position < this.text.length() && (peek() == '\'' || peek() == '\\')) {
					if (peek() == '\\') {
						throw new LineError(key, "\\\\ inside single quotes is read as \\ by python-dotenv and as "
								+ "\\\\ by docker compose: use double quotes");
					}
					value.append(next());
					continue;
				}
				value.append(c);
			}
		}

		private String bare(String key) {
			int start = this.position;
			while (this.position < this.text.length() && peek() != '\n') {
				char c = peek();
				if (c == '\r') {
					throw new LineError(key, "a carriage return: write \\r inside double quotes");
				}
				if (c == '#') {
					if (this.position > start && blank(this.text.charAt(this.position - 1))) {
						break;
					}
					throw new LineError(key,
							"# inside a value that is not quoted is cut off by dotenv-java: quote the value");
				}
				this.position++;
			}
			String value = stripSpacesAndTabs(this.text.substring(start, this.position));
			if (!value.isEmpty() && (blank(value.charAt(0)) || blank(value.charAt(value.length() - 1))
					|| value.charAt(value.length() - 1) == '"')) {
				throw new LineError(key, "a value that starts or ends with a space or ends with a quote is read "
						+ "differently by dotenv readers: quote the value");
			}
			if (expandable(value)) {
				throw new LineError(key, "$ before a name, {, _ or $ would be expanded by docker compose: "
						+ "quote the value in single quotes, or write \\$ inside double quotes");
			}
			skipToNextLine();
			return value;
		}

		/**
		 * Cuts the spaces and tabs at the end of a bare value; any other blank there is
		 * left for the check that refuses it (the readers strip different sets of them).
		 */
		private static String stripSpacesAndTabs(String value) {
			int end = value.length();
			while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
				end--;
			}
			return value.substring(0, end);
		}

		/** After a closing quote: blanks, perhaps a comment, and the end of the line. */
		private void afterQuote(String key) {
			skipBlanks();
			if (this.position < this.text.length() && peek() == '#') {
				skipToNextLine();
				return;
			}
			if (!atLineEnd()) {
				throw new LineError(key, "unexpected text after the closing quote");
			}
			if (this.position < this.text.length()) {
				next();
			}
		}

		private boolean atLineEnd() {
			return this.position >= this.text.length() || peek() == '\n';
		}

		private void skipBlanks() {
			while (this.position < this.text.length() && (peek() == ' ' || peek() == '\t')) {
				this.position++;
			}
		}

		private void skipToNextLine() {
			while (this.position < this.text.length() && peek() != '\n') {
				this.position++;
			}
			if (this.position < this.text.length()) {
				next();
			}
		}

		private char peek() {
			return this.text.charAt(this.position);
		}

		private char next() {
			char c = this.text.charAt(this.position++);
			if (c == '\n') {
				this.line++;
			}
			return c;
		}

	}

	/** What is wrong with the statement on a line. */
	private static final class LineError extends RuntimeException {

		private final String key;

		LineError(String key, String message) {
			super(message, null, false, false);
			this.key = key;
		}

	}

}
