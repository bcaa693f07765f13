package com.rdsmigration.gateway.problem;

/**
 * What a problem answer says of the upstream's side of a mutation, in its {@code outcome} member: {@code UNKNOWN} when
 * the upstream may have acted without the gateway hearing of it (the task is kept and reconciled, and the caller must
 * read it instead of sending the call again). A problem without the member is a refusal with nothing done.
 */
public enum UpstreamOutcome {
    UNKNOWN
}
