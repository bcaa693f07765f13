package com.rdsmigration.gateway.rds;

import java.util.function.Supplier;

/**
 * The cloud account the upstream bills and throttles the client's calls under: the AccessKeyId of the signing keys,
 * the account of an assumed RAM role (RRSA), or a digest of a bearer token. Asked on every use, so rotated credentials
 * are followed; never a secret.
 */
public final class UpstreamAccount {

    private final Supplier<String> identity;

    UpstreamAccount(Supplier<String> identity) {
        this.identity = identity;
    }

    /** The account's identity, or {@code unknown} when the credentials cannot be had right now. */
    public String id() {
        try {
            return identity.get();
        } catch (RuntimeException credentialsUnavailable) {
            return "unknown";
        }
    }
}
