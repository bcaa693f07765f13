package com.rdsmigration.gateway.security;

import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An authenticated caller: the team it acts for, whether it is an administrator (who sees every team's tasks), and
 * the name of the credential it used (an API key's name, a token's subject) for the audit trail.
 */
public record Caller(String team, boolean admin, String principal) {

    public Caller {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(principal, "principal");
    }

    /** The caller of the request this thread is serving; empty for the gateway's own background work. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller)
                : Optional.empty();
    }

    /** Whether this caller may see and act on a task that belongs to {@code ownerTeam}. */
    public boolean canAccess(String ownerTeam) {
        return admin || team.equals(ownerTeam);
    }
}
