package dev.appsecrets.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text that can be stored and given back exactly: well-formed Unicode (no lone surrogate,
 * which would not survive UTF-8), optionally without NUL and with at most a number of
 * characters counted as PostgreSQL counts them (code points). {@code null} is valid;
 * combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = { ValidTextValidator.class, ValidSecretValueValidator.class })
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidText {

	/** Most characters (code points) allowed; no limit by default. */
	int maxCodePoints() default Integer.MAX_VALUE;

	/** Whether U+0000 is allowed; PostgreSQL text columns cannot hold it. */
	boolean allowNul() default true;

	String message() default "must be well-formed text";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
