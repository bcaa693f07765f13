package com.rdsmigration.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A valid JWT that names no team. It is authenticated (so the answer is 403, not 401) but holds no role, so every
 * rule that needs a team or an administrator refuses it; it keeps the subject only, never the token.
 */
final class TeamlessJwtAuthentication extends AbstractAuthenticationToken {

    private final String subject;
    private final String teamClaim;

    TeamlessJwtAuthentication(String subject, String teamClaim) {
        super(List.of());
        this.subject = subject;
        this.teamClaim = teamClaim;
        setAuthenticated(true);
    }

    /** The claim the token lacks, for the refusal's detail. */
    String teamClaim() {
        return teamClaim;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getPrincipal() {
        return subject;
    }
}
