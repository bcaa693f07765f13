package com.rdsmigration.gateway.guided;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What holds a guided migration's cutover back now: too few approvals; the maintenance window (waived by a cutover
 * started by hand); a replication link that is not streaming or lags more than allowed (both waived only by a cutover
 * started by hand with {@code acceptLag}). The replication is judged as last read from upstream.
 */
final class CutoverGates {

    static final String STREAMING = "streaming";
    static final String INCREMENT = "increment";

    private CutoverGates() {}

    static List<Blocker> blockers(GuidedMigration guided, Instant now) {
        List<Blocker> blockers = new ArrayList<>();
        CutoverPolicy policy = guided.getPolicy();
        int given = guided.getApprovals().size();
        if (given < policy.requiredApprovals()) {
            blockers.add(new Blocker(
                    Blocker.Code.APPROVAL_PENDING,
                    given + " of " + policy.requiredApprovals() + " approvals given; the creator cannot approve."));
        }
        boolean byHand = guided.getCutoverRequestedBy() != null;
        CutoverSchedule schedule = policy.schedule();
        if (!byHand && !schedule.isOpen(now)) {
            blockers.add(new Blocker(Blocker.Code.WINDOW_NOT_OPEN, schedule.closedDetail(now)));
        }
        if (!(byHand && guided.isCutoverAcceptLag())) {
            blockers.addAll(replicationBlockers(guided));
        }
        return List.copyOf(blockers);
    }

    /** The replication gates alone: a link that is not streaming, a lag above the maximum or not reported. */
    static List<Blocker> replicationBlockers(GuidedMigration guided) {
        List<Blocker> blockers = new ArrayList<>();
        String state = guided.getReplication().state();
        if (!STREAMING.equals(state)) {
            blockers.add(new Blocker(
                    Blocker.Code.REPLICATION_NOT_STREAMING,
                    "The replication is " + (state == null ? "not reported" : state) + ", not streaming."));
        }
        Long lag = guided.getReplication().lagSeconds();
        int max = guided.getPolicy().maxReplayLagSeconds();
        if (lag == null) {
            blockers.add(new Blocker(Blocker.Code.LAG_TOO_HIGH, "The upstream reports no ReplayLag yet."));
        } else if (lag > max) {
            blockers.add(new Blocker(
                    Blocker.Code.LAG_TOO_HIGH,
                    "ReplayLag is " + lag + " s; the cutover waits for " + max + " s or less."));
        }
        return blockers;
    }
}
