package com.rdsmigration.gateway.audit;

import com.rdsmigration.gateway.problem.ProblemCase;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListParams;
import com.rdsmigration.gateway.web.SupportedInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Audit",
        description = "Every request the gateway sent to the RDS OpenAPI on your team's behalf, retries included, with"
                + " the upstream's RequestId and what it answered. Administrators see every team's, and the gateway's own"
                + " background calls.")
class AuditController {

    private final AuditStore store;

    AuditController(AuditStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(
            operationId = "listAuditEvents",
            summary = "List upstream requests, newest first",
            description = "Pages by `pageToken`: pass the `nextPageToken` of a page to get the next one; the last page"
                    + " has none. Filters combine.")
    @ProblemCase(
            type = ProblemType.VALIDATION_FAILED,
            name = "invalidPageToken",
            when = "`pageToken` is not a token this API gave out.",
            detail = "pageToken is not a token this API gave out.")
    AuditPage list(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "An upstream action, e.g. `ImportDatabaseBetweenInstances`.")
                    @RequestParam(required = false)
                    @Size(max = ListParams.MAX_ID_LENGTH)
                    @Nullable
                    String action,
            @Parameter(description = "Administrators only: one team's events.")
                    @RequestParam(required = false)
                    @Size(max = ListParams.MAX_ID_LENGTH)
                    @Nullable
                    String team,
            @Parameter(description = "SUCCEEDED, FAILED, UNKNOWN or REFUSED.") @RequestParam(required = false) @Nullable
                    AuditOutcome outcome,
            @Parameter(description = "Events at or after this instant.")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @SupportedInstant
                    @Nullable
                    Instant from,
            @Parameter(description = "Events before this instant.")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @SupportedInstant
                    @Nullable
                    Instant to,
            @Parameter(description = "An upstream ImportId, TaskId or TaskName.")
                    @RequestParam(required = false)
                    @Size(max = ListParams.MAX_ID_LENGTH)
                    @Nullable
                    String resourceId,
            @Parameter(
                            description = "The `nextPageToken` of the previous page.",
                            schema = @Schema(pattern = "^[A-Za-z0-9_=-]+$"))
                    @RequestParam(required = false)
                    @Size(max = PageToken.MAX_LENGTH)
                    @Nullable
                    String pageToken,
            @Parameter(description = "Events per page, 1 to 200.") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
                    int size) {
        String scope = caller.admin() ? team : caller.team();
        AuditStore.Query query = new AuditStore.Query(
                scope,
                action,
                outcome,
                from,
                to,
                resourceId,
                pageToken == null ? null : PageToken.decode(pageToken),
                size);
        List<AuditEvent> events = store.page(query);
        if (events.size() <= size) {
            return new AuditPage(events, null);
        }
        AuditEvent last = events.get(size - 1);
        return new AuditPage(events.subList(0, size), new PageToken(last.occurredAt(), last.id()).encode());
    }
}
