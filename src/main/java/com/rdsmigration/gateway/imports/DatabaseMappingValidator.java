package com.rdsmigration.gateway.imports;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
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
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(
                                    problem.replace("{", "\\{").replace("$", "\\$"))
                            .addConstraintViolation();
                    return false;
                })
                .orElse(true);
    }
}
