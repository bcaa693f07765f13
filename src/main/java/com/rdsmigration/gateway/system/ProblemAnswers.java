package com.rdsmigration.gateway.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shared problems an API operation can answer with besides those every operation has: the API document lists
 * exactly these, so name only what the operation's code can really lead to.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemAnswers {

    ProblemAnswer[] value();

    /** The upstream action the operation calls, which the examples of upstream failures name. */
    String action() default "the call";

    /** An instance id of the kind the operation names, for the examples. */
    String instance() default "rm-uf6wjk5xxxxxxx";
}
