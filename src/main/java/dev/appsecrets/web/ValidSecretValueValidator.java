package dev.appsecrets.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidText} on a {@link SecretValue} by the same rules as on a string.
 * Public because the Bean Validation provider instantiates it by reflection.
 */
public class ValidSecretValueValidator implements ConstraintValidator<ValidText, SecretValue> {

	private final ValidTextValidator text = new ValidTextValidator();

	@Override
	public void initialize(ValidText annotation) {
		this.text.initialize(annotation);
	}

	@Override
	public boolean isValid(SecretValue value, ConstraintValidatorContext context) {
		return value == null || this.text.isValid(value.reveal(), context);
	}

}
