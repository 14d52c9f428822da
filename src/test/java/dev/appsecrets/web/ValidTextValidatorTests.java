package dev.appsecrets.web;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidTextValidatorTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	record Name(@ValidText(maxCodePoints = 3, allowNul = false) String text) {
	}

	record Value(@ValidText String text) {
	}

	@Test
	void countsCharactersAsCodePointsLikePostgresql() {
		assertThat(messages(new Name("😀😀😀"))).isEmpty();
		assertThat(messages(new Name("abcd"))).containsExactly("must be at most 3 characters long");
	}

	@Test
	void refusesNulOnlyWhereTheColumnCannotHoldIt() {
		assertThat(messages(new Name("a\u0000"))).containsExactly("must not contain NUL characters");
		assertThat(messages(new Value("a\u0000"))).isEmpty();
	}

	@Test
	void refusesUnpairedSurrogatesWhichUtf8CannotCarry() {
		assertThat(messages(new Value("a\uD800"))).containsExactly("must not contain unpaired surrogate characters");
		assertThat(messages(new Value("\uDC00a"))).containsExactly("must not contain unpaired surrogate characters");
		assertThat(messages(new Value("\uD83D\uDE00"))).isEmpty();
	}

	@Test
	void acceptsNullAndEmpty() {
		assertThat(messages(new Value(null))).isEmpty();
		assertThat(messages(new Name(""))).isEmpty();
	}

	private Set<String> messages(Object bean) {
		return this.validator.validate(bean)
			.stream()
			.map(ConstraintViolation::getMessage)
			.collect(java.util.stream.Collectors.toSet());
	}

}
