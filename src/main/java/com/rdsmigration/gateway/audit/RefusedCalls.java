package com.rdsmigration.gateway.audit;

import com.rdsmigration.gateway.logging.CorrelationId;
import com.rdsmigration.gateway.security.Caller;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records a call the gateway refused before sending it upstream (another team's instance, say) as an audit event with
 * outcome {@code REFUSED}: who tried what, with the parameters it would have sent, secrets masked. Nothing else of
 * the call is stored.
 */
@Component
public class RefusedCalls {

    private final AuditStore store;
    private final Clock clock;

    RefusedCalls(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records that {@code caller} was refused {@code action} with {@code parameters}, answered {@code httpStatus}. */
    public void record(Caller caller, String action, Map<String, String> parameters, int httpStatus) {
        store.refused(
                new AuditStore.Started(
                        UUID.randomUUID(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        caller.team(),
                        caller.principal(),
                        action,
                        0, // no attempt was made
                        null,
                        null,
                        parameters.get("TaskName"),
                        CorrelationId.current(),
                        AuditTrail.mask(parameters)),
                httpStatus);
    }
}
