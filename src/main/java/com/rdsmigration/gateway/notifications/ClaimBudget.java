package com.rdsmigration.gateway.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one claim may take on this replica: no more deliveries than it has free sending slots, none for a team that
 * would then have more than {@code perTeam} attempts in flight here, and it looks at no more than {@code lookAt} due
 * deliveries to choose them. A claim takes only what it can start at once: a delivery claimed to wait in memory would
 * sit out its claim timeout behind the attempts it was meant to bypass.
 *
 * @param free sending slots not in use
 * @param perTeam attempts one team may have in flight on this replica ({@code gateway.webhooks.team-concurrency})
 * @param inFlight attempts in flight on this replica by team (teams with none are left out)
 * @param lookAt due deliveries the claim reads, in turns across teams ({@code gateway.webhooks.batch-size})
 */
record ClaimBudget(int free, int perTeam, Map<String, Integer> inFlight, int lookAt) {

    ClaimBudget {
        inFlight = Map.copyOf(inFlight);
    }

    /** A budget of {@code limit} deliveries and nothing in flight, any number of them of one team. */
    static ClaimBudget of(int limit) {
        return new ClaimBudget(limit, limit, Map.of(), limit);
    }

    /** Teams with no room left: the claim need not read their deliveries at all. */
    Set<String> fullTeams() {
        return inFlight.entrySet().stream()
                .filter(team -> team.getValue() >= perTeam)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The candidates to claim, in their order (which is fair across teams): those this claim could lock, each only
     * while its team has room, until the free slots are used.
     */
    List<UUID> pick(List<ClaimCandidate> candidates, Set<UUID> locked) {
        Map<String, Integer> teams = new HashMap<>(inFlight);
        List<UUID> picked = new ArrayList<>();
        for (ClaimCandidate candidate : candidates) {
            if (picked.size() >= free) {
                break;
            }
            int teamInFlight = teams.getOrDefault(candidate.team(), 0);
            if (locked.contains(candidate.id()) && teamInFlight < perTeam) {
                teams.put(candidate.team(), teamInFlight + 1);
                picked.add(candidate.id());
            }
        }
        return picked;
    }
}
