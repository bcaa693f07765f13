package com.rdsmigration.gateway.rds;

import java.time.Duration;

/**
 * Decides, once per call and before any attempt, whether a call may go upstream at all: where quotas (a daily task
 * limit, a team's budget) are enforced. A refusal is answered 429 with {@code Retry-After}, and nothing is sent.
 *
 * <p>An admission takes its places in the transaction that records the call before it leaves, and may leave its
 * statements to be sent with that transaction's later ones: it refuses by throwing {@link NotAdmitted}, at once or when
 * those statements are sent, at the latest just before the transaction commits. Either way the transaction rolls back,
 * places and all.
 */
public interface UpstreamAdmission {

    /** Admits every call. */
    UpstreamAdmission ALL = action -> {};

    /** Takes the call's places under the quotas; throws {@link NotAdmitted}, now or later, when it may not go. */
    void admit(String action);

    /** Why a call was not admitted, and when it may be tried again. */
    record Refused(String reason, Duration retryAfter) {}

    /** A call the quotas refuse. */
    final class NotAdmitted extends RuntimeException {

        private final Refused refused;

        public NotAdmitted(Refused refused) {
            super(refused.reason(), null, false, false);
            this.refused = refused;
        }

        public Refused refused() {
            return refused;
        }
    }
}
