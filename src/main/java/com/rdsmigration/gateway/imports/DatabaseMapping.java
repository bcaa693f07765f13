package com.rdsmigration.gateway.imports;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code databases} value: a non-empty array of names or an object mapping source to target names, every name a
 * SQL Server identifier, unique on each side (case-insensitively, as SQL Server's default collation compares).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DatabaseMappingValidator.class)
@interface DatabaseMapping {

    String message() default "must be an array of database names or an object mapping source to target names";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
