package com.rdsmigration.gateway.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An instant a filter can compare with stored times: from 1970 to the end of year 9999. ISO-8601 allows years far
 * beyond what PostgreSQL's timestamps hold, and such a value would otherwise fail in the database.
 */
@Documented
@Constraint(validatedBy = SupportedInstant.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface SupportedInstant {

    String message() default "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind the annotation. */
    final class Check implements ConstraintValidator<SupportedInstant, Instant> {

        static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

        @Override
        public boolean isValid(@Nullable Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(Instant.EPOCH) && !value.isAfter(LATEST));
        }
    }
}
