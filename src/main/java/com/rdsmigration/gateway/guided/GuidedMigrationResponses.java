package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.SourceView;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns stored guided migrations into the API's shape, with the blockers and the next window as of now. */
@Component
class GuidedMigrationResponses {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;

    GuidedMigrationResponses(Clock clock) {
        this.clock = clock;
    }

    GuidedMigrationResponse of(GuidedMigration guided) {
        Instant now = clock.instant();
        CutoverPolicy policy = guided.getPolicy();
        boolean awaiting = guided.getStatus() == GuidedStatus.AWAITING_CUTOVER;
        boolean open = !guided.getStatus().isFinal() && guided.getStatus() != GuidedStatus.SWITCHING;
        return new GuidedMigrationResponse(
                guided.getId(),
                guided.getTeam(),
                guided.getCreatedBy(),
                guided.getStatus(),
                awaiting ? CutoverGates.blockers(guided, now) : List.of(),
                guided.getTargetInstanceId(),
                SourceView.of(guided.getSource()),
                guided.getTaskName(),
                guided.getPrecheckId(),
                guided.getMigrationId(),
                guided.getReplication().stage(),
                guided.getReplication().state(),
                guided.getReplication().lagSeconds(),
                guided.getApprovals().stream()
                        .map(approval -> new GuidedMigrationResponse.ApprovalView(
                                approval.getBy(), approval.getAt(), approval.getComment()))
                        .toList(),
                cutover(policy),
                open ? policy.schedule().nextOpening(now) : null,
                guided.getHistory().stream()
                        .map(entry -> new GuidedMigrationResponse.StatusChange(
                                entry.getStatus(), entry.getAt(), entry.getReason()))
                        .toList(),
                guided.getCreatedAt(),
                guided.getUpdatedAt());
    }

    private static GuidedMigrationResponse.CutoverView cutover(CutoverPolicy policy) {
        CutoverWindow window = policy.window();
        return new GuidedMigrationResponse.CutoverView(
                policy.requiredApprovals(),
                window == null
                        ? null
                        : new GuidedMigrationResponse.WindowView(
                                window.zone().getId(),
                                window.days().stream().sorted().toList(),
                                HH_MM.format(window.start()),
                                HH_MM.format(window.end())),
                policy.notBefore(),
                policy.maxReplayLagSeconds());
    }
}
