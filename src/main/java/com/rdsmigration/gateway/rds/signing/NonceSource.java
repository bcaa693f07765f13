package com.rdsmigration.gateway.rds.signing;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Where signature nonces come from: random in production, fixed in known-answer tests. */
@FunctionalInterface
public interface NonceSource {

    String next();

    /** 32 lowercase hex characters from a {@link SecureRandom}, the form Alibaba's SDKs send. */
    static NonceSource random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
