package com.rdsmigration.gateway.imports;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An import's target must be another instance than its source; the error names {@code targetInstanceId}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DifferentInstances.Validator.class)
@interface DifferentInstances {

    String message() default "must differ from sourceInstanceId";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports the violation on {@code targetInstanceId}. */
    class Validator implements ConstraintValidator<DifferentInstances, CreateImportRequest> {

        @Override
        public boolean isValid(CreateImportRequest request, ConstraintValidatorContext context) {
            if (request.sourceInstanceId() == null
                    || !request.sourceInstanceId().equals(request.targetInstanceId())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("targetInstanceId")
                    .addConstraintViolation();
            return false;
        }
    }
}
