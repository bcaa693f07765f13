package com.rdsmigration.gateway.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem only this operation answers with, such as a conflict with its resource's state: when it comes, and the
 * {@code detail} of an example. The API document shows it under the type's status beside the shared answers.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemCase.List.class)
public @interface ProblemCase {

    ProblemType type();

    /** The example's name in the document: a short camelCase word. */
    String name();

    /** When the problem comes, in a sentence. */
    String when();

    /** The {@code detail} of an example answer. */
    String detail();

    /** Whether the answer carries {@code Retry-After}. */
    boolean retryAfter() default false;

    /** Holds the cases of one operation. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ProblemCase[] value();
    }
}
