package com.rdsmigration.gateway.intent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request handler whose work is one create under the {@link IntentProtocol}, with nothing sent upstream or
 * changed in the gateway's state before its intent (reads and the audit events of refused calls aside). Work that must
 * come first, claiming the request's idempotency key, may then be done in the intent's own transaction by an {@link
 * IntentParticipant}, instead of a transaction of its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CreatesIntent {}
