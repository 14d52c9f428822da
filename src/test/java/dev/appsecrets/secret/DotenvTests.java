package dev.appsecrets.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.appsecrets.web.SecretValue;
import io.github.cdimascio.dotenv.Dotenv.Filter;
import io.github.cdimascio.dotenv.DotenvEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dotenv files the service writes and reads: every value survives its own round trip,
 * dotenv-java reads back the values docs/dotenv.md says it does, and the import refuses
 * what the usual readers would read differently.
 */
class DotenvTests {

	/** Values that dotenv files get wrong, by key. */
	static Map<String, String> corpus() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("EMPTY", "");
		values.put("SPACES", "  leading and trailing  ");
		values.put("INNER_SPACE", "two words");
		values.put("BOTH_QUOTES", "it's \"quoted\" both ways");
		values.put("DOUBLE_QUOTED", "\"wrapped\"");
		values.put("SINGLE_QUOTED", "'wrapped'");
		values.put("VARIABLES", "$HOME and ${PATH} and $$ and $");
		values.put("PASSWORD", "pa$$word");
		values.put("DOLLAR_ALONE", "costs 5$");
		values.put("HASH", "a # not a comment");
		values.put("HASH_FIRST", "#starts-with-hash");
		values.put("HASH_TIGHT", "a#b");
		values.put("EQUALS", "key=value=more");
		values.put("NEWLINES", "line1\nline2\n");
		values.put("NEWLINE_ONLY", "\n");
		values.put("MULTILINE_HASH", "line1\n# not a comment\nline3");
		values.put("TABS", "\ttab\tseparated\t");
		values.put("NUL", "nul\u0000inside");
		values.put("CRLF", "carriage\r\nreturn\r");
		values.put("BACKSLASHES", "C:\\temp\\new\\");
		values.put("BACKSLASH_N", "\\n is not a newline");
		values.put("ESCAPED_QUOTE", "a\\'b\\\"c");
		values.put("CONTROL", "\u0001\u001b[31m\u007f\u0007\b\f\u000b");
		values.put("SEPARATORS", "\u2028\u0085\u00a0nbsp");
		values.put("UNICODE", "日本語🔑é ".repeat(2000).strip());
		values.put("JSON", "{\"a\": [1, 2], \"b\": \"c\"}");
		values.put("URL", "postgres://user:p@ss@db:5432/app?sslmode=require");
		values.put("PEM", "-----BEGIN KEY-----\nMIIB\n-----END KEY-----\n");
		return values;
	}

	/**
	 * The values of the corpus that all three readers read back (docs/dotenv.md): the
	 * test below proves it for dotenv-java.
	 */
	private static final List<String> PORTABLE = List.of("EMPTY", "SPACES", "INNER_SPACE", "BOTH_QUOTES",
			"SINGLE_QUOTED", "DOLLAR_ALONE", "HASH", "HASH_FIRST", "HASH_TIGHT", "EQUALS", "NEWLINES", "TABS",
			"BACKSLASHES", "BACKSLASH_N", "ESCAPED_QUOTE", "CONTROL", "SEPARATORS", "UNICODE", "JSON", "URL", "PEM");

	@Test
	void everyValueSurvivesAnExportAndAnImport() {
		Map<String, SecretValue> values = new TreeMap<>();
		corpus().forEach((key, value) -> values.put(key, SecretValue.of(value)));
		Dotenv.Parsed parsed = Dotenv.parse(Dotenv.write(values));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.entries().stream().collect(Collectors.toMap(ImportEntry::key, (e) -> e.value().reveal())))
			.isEqualTo(corpus());
	}

	@Test
	void dotenvJavaReadsBackEveryPortableValueExactly(@TempDir Path directory) throws IOException {
		Map<String, SecretValue> values = new TreeMap<>();
		corpus().forEach((key, value) -> values.put(key, SecretValue.of(value)));
		Files.writeString(directory.resolve("exported.env"), Dotenv.write(values), StandardCharsets.UTF_8);

		io.github.cdimascio.dotenv.Dotenv read = io.github.cdimascio.dotenv.Dotenv.configure()
			.directory(directory.toString())
			.filename("exported.env")
			// It reads single quotes as part of the value, so the lines of a multi-line
			// single-quoted value are malformed to it.
			.ignoreIfMalformed()
			.load();
		Map<String, String> readBack = new TreeMap<>();
		for (DotenvEntry entry : read.entries(Filter.DECLARED_IN_ENV_FILE)) {
			readBack.put(entry.getKey(), entry.getValue());
		}
		for (String key : PORTABLE) {
			assertThat(readBack.get(key)).as(key).isEqualTo(corpus().get(key));
			assertThat(Dotenv.portable(corpus().get(key))).as(key).isTrue();
		}
		corpus().keySet()
			.stream()
			.filter((key) -> !PORTABLE.contains(key))
			.forEach((key) -> assertThat(Dotenv.portable(corpus().get(key))).as(key).isFalse());
	}

	@Test
	void eachValueIsWrittenInTheSimplestFormThatHoldsIt() {
		assertThat(Dotenv.encode("plain")).isEqualTo("plain");
		assertThat(Dotenv.encode("")).isEqualTo("\"\"");
		assertThat(Dotenv.encode(" padded ")).isEqualTo("\" padded \"");
		assertThat(Dotenv.encode("a#b")).isEqualTo("\"a#b\"");
		assertThat(Dotenv.encode("pa$$word")).isEqualTo("'pa$$word'");
		assertThat(Dotenv.encode("it's $HOME")).isEqualTo("\"it's \\$HOME\"");
		assertThat(Dotenv.encode("a\"b\nc")).isEqualTo("'a\"b\nc'");
		assertThat(Dotenv.encode("a\"b'c\n")).isEqualTo("\"a\\\"b'c\\n\"");
		assertThat(Dotenv.encode("nul\u0000")).isEqualTo("\"nul\\0\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			A=$HOME                 | $ before a name
			A="${HOME}"             | write \\$
			A='${HOME}'             | expanded by python-dotenv
			A=a#b                   | cut off by dotenv-java
			A='a\\\\b'              | use double quotes
			A="it\\'s"              | write ' alone
			A="open                 | not closed
			A='open                 | not closed
			A="closed" trailing     | after the closing quote
			A                       | expected KEY=value
			=value                  | expected KEY=value
			A=ends with quote"      | quote the value
			""")
	void whatReadersWouldReadDifferentlyIsRefusedWithItsLine(String line, String reason) {
		Dotenv.Parsed parsed = Dotenv.parse("OK=1\n" + line + "\nLAST=2\n");
		assertThat(parsed.errors()).hasSize(1);
		assertThat(parsed.errors().get(0).line()).isEqualTo(2);
		assertThat(parsed.errors().get(0).message()).contains(reason);
	}

	@Test
	void theUsualDotenvSyntaxIsRead() {
		Dotenv.Parsed parsed = Dotenv.parse("\uFEFF# comment\r\n\r\n  export A = 1 # trailing comment\r\n"
				+ "B='single $HOME'  # comment\nC=\"multi\nline\"\nD=\nE=\"tab\\there\" \n");
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.entries().stream().map((e) -> e.line() + " " + e.key() + "=" + e.value().reveal()))
			.containsExactly("3 A=1", "4 B=single $HOME", "5 C=multi\nline", "7 D=", "8 E=tab\there");
	}

}
