package com.rdsmigration.gateway.security;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
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

    /**
     * Runs {@code work} as this caller (for the gateway's own work done on a team's behalf, so that its upstream calls
     * count against the team's quota and are audited as the team's), then restores whoever was current before.
     */
    public <T> T act(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext mine = SecurityContextHolder.createEmptyContext();
        mine.setAuthentication(new CallerAuthentication(this));
        SecurityContextHolder.setContext(mine);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Whether this caller may see and act on a task that belongs to {@code ownerTeam}. */
    public boolean canAccess(String ownerTeam) {
        return admin || team.equals(ownerTeam);
    }
}
