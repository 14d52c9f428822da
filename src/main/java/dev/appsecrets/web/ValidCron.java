package dev.appsecrets.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.scheduling.support.CronExpression;

/**
 * A Spring cron expression (six fields, seconds first), so that a wrong schedule refuses
 * start-up naming the setting instead of failing when the job is scheduled.
 */
@Documented
@Constraint(validatedBy = ValidCron.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCron {

	String message() default "must be a cron expression such as \"0 17 3 * * *\" (seconds first)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the expression with Spring's own parser. */
	class Validator implements ConstraintValidator<ValidCron, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value != null && CronExpression.isValidExpression(value);
		}

	}

}
