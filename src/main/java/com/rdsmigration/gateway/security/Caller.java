package com.rdsmigration.gateway.security;

import java.util.Objects;

/**
 * An authenticated caller: the team it acts for, whether it is an administrator (who sees every team's tasks), and
 * the name of the credential it used (an API key's name, a token's subject) for the audit trail.
 */
public record Caller(String team, boolean admin, String principal) {

    public Caller {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(principal, "principal");
    }

    /** Whether this caller may see and act on a task that belongs to {@code ownerTeam}. */
    public boolean canAccess(String ownerTeam) {
        return admin || team.equals(ownerTeam);
    }
}
