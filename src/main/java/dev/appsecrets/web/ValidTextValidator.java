package dev.appsecrets.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidText}, naming in its message which rule the text broke. Public
 * because the Bean Validation provider instantiates it by reflection.
 */
public class ValidTextValidator implements ConstraintValidator<ValidText, String> {

	private int maxCodePoints;

	private boolean allowNul;

	@Override
	public void initialize(ValidText annotation) {
		this.maxCodePoints = annotation.maxCodePoints();
		this.allowNul = annotation.allowNul();
	}

	@Override
	public boolean isValid(String text, ConstraintValidatorContext context) {
		if (text == null) {
			return true;
		}
		String problem = problemWith(text);
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
		return false;
	}

	private String problemWith(String text) {
		int codePoints = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "must not contain unpaired surrogate characters";
			}
			else if (c == '\0' && !this.allowNul) {
				return "must not contain NUL characters";
			}
			codePoints++;
		}
		if (codePoints > this.maxCodePoints) {
			return "must be at most " + this.maxCodePoints + " characters long";
		}
		return null;
	}

}
