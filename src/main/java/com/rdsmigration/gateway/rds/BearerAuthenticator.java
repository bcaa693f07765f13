package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.SignatureTimestamps;
import com.rdsmigration.gateway.rds.signing.SignatureV3;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Bearer tokens, sent both as {@code Authorization: Bearer} (the form the seed documents) and as
 * {@code x-acs-bearer-token} (the form Alibaba's SDKs send), with the V3 action headers.
 */
final class BearerAuthenticator implements RdsAuthenticator {

    private final Supplier<String> token;
    private final Clock clock;
    private final NonceSource nonces;

    BearerAuthenticator(Supplier<String> token, Clock clock, NonceSource nonces) {
        this.token = token;
        this.clock = clock;
        this.nonces = nonces;
    }

    @Override
    public SignedRequest authenticate(HttpMethod method, URI endpoint, String action, Map<String, String> parameters) {
        String bearer = token.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", RdsActions.VERSION);
        headers.put("x-acs-date", SignatureTimestamps.format(clock.instant()));
        headers.put("x-acs-signature-nonce", nonces.next());
        headers.put("x-acs-bearer-token", bearer);
        headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        return new SignedRequest(RdsAuthenticator.withQuery(endpoint, parameters), headers);
    }

    /** {@code bearer:} and the first 16 hex digits of the token's SHA-256: stable, and no use to anyone who reads it. */
    @Override
    public String account() {
        return "bearer:"
                + SignatureV3.hexSha256(token.get().getBytes(StandardCharsets.UTF_8))
                        .substring(0, 16);
    }

    @Override
    public String mode() {
        return "bearer";
    }
}
