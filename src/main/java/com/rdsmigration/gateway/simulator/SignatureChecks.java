package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.signing.SignatureTimestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The checks both signature versions share: the timestamp window, the AccessKeyId, the STS token, the signature
 * comparison and the nonce. Failures carry the real service's codes and wording.
 */
final class SignatureChecks {

    private final SimulatorProperties properties;
    private final Clock clock;
    private final NonceRegistry nonces;

    SignatureChecks(SimulatorProperties properties, Clock clock, NonceRegistry nonces) {
        this.properties = properties;
        this.clock = clock;
        this.nonces = nonces;
    }

    String secret() {
        return properties.accessKeySecret();
    }

    void timestamp(String text, Duration window) {
        Instant stamped;
        try {
            stamped = SignatureTimestamps.parse(text);
        } catch (DateTimeException e) {
            throw RdsError.badTimestampFormat();
        }
        if (Duration.between(stamped, clock.instant()).abs().compareTo(window) > 0) {
            throw RdsError.expiredTimestamp();
        }
    }

    void accessKeyId(String accessKeyId) {
        if (!equalInConstantTime(properties.accessKeyId(), accessKeyId)) {
            throw new RdsError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
    }

    void securityToken(@Nullable String token) {
        String expected = properties.securityToken();
        if (token != null && expected != null && !equalInConstantTime(expected, token)) {
            throw new RdsError(
                    400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken mismatch with the AccessKey.");
        }
    }

    void signature(boolean matches, String stringToSign) {
        if (!matches) {
            throw new RdsError(
                    400,
                    "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + stringToSign);
        }
    }

    void nonce(String nonce) {
        if (!nonces.use(nonce, clock.instant())) {
            throw new RdsError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    static boolean equalInConstantTime(String expected, String provided) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
    }
}
