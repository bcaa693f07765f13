package com.rdsmigration.gateway.imports;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import tools.jackson.databind.JsonNode;

/** Checks a {@link DatabaseMapping} and reports exactly what is wrong with it. */
class DatabaseMappingValidator implements ConstraintValidator<DatabaseMapping, JsonNode> {

    @Override
    public boolean isValid(JsonNode databases, ConstraintValidatorContext context) {
        if (databases == null) {
            return true;
        }
        return DatabaseNames.problem(databases)
                .map(problem -> {
                    // The problem names the caller's database names: a message parameter, inserted as it is, never
                    // read as a template (where braces, dollars and backslashes would mean something).
                    context.disableDefaultConstraintViolation();
                    context.unwrap(HibernateConstraintValidatorContext.class)
                            .addMessageParameter("problem", problem)
                            .buildConstraintViolationWithTemplate("{problem}")
                            .addConstraintViolation();
                    return false;
                })
                .orElse(true);
    }
}
