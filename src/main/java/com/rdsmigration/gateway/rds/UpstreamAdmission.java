package com.rdsmigration.gateway.rds;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides, once per call and before any attempt, whether a call may go upstream at all: where quotas (a daily task
 * limit, a team's budget) are enforced. A refusal is answered 429 with {@code Retry-After}, and nothing is sent.
 */
public interface UpstreamAdmission {

    /** Admits every call. */
    UpstreamAdmission ALL = action -> Optional.empty();

    /** Empty when the call may go; else why not and when to try again. */
    Optional<Refused> admit(String action);

    /** Why a call was not admitted, and when it may be tried again. */
    record Refused(String reason, Duration retryAfter) {}
}
