package com.rdsmigration.gateway.idempotency;

/**
 * Whose an {@code Idempotency-Key} is: the caller that sent it (an API key's name, a token's subject) within its team.
 * Keys of two callers of one team never meet, so one caller's answer, say an admin's, is never replayed to another
 * who happens to send the same key and body.
 */
record KeyScope(String team, String principal) {}
