package com.rdsmigration.gateway.intent;

/**
 * Writes another module adds to the transaction that records an intent, before the upstream call leaves: they are
 * committed with the intent, or rolled back with it. An exception stops the create there, with nothing sent and
 * nothing kept. The idempotency key of the request being served is claimed this way.
 */
public interface IntentParticipant {

    /** Writes in the intent's transaction, before the intent itself. */
    void joinIntent();
}
