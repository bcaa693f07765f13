package com.rdsmigration.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A Spring Security authentication whose principal is the {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    static final String TEAM_ROLE = "TEAM";
    static final String ADMIN_ROLE = "ADMIN";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(
                caller.admin()
                        ? List.of(
                                new SimpleGrantedAuthority("ROLE_" + TEAM_ROLE),
                                new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE))
                        : List.of(new SimpleGrantedAuthority("ROLE_" + TEAM_ROLE)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.principal();
    }
}
