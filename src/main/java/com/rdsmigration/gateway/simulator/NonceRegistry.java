package com.rdsmigration.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signature nonces seen within the longest timestamp window (V1's 31 minutes): a nonce used again within it is a
 * replay. Memory stays bounded: nonces older than the window are forgotten on every use, beyond
 * {@code rds.simulator.max-nonces} (default {@value #MAX_NONCES}) the oldest go first, and each nonce is kept as its
 * SHA-256 digest, so that an entry has the same small size however long a nonce the caller sent.
 */
final class NonceRegistry {

    static final Duration WINDOW = Duration.ofMinutes(31);
    static final int MAX_NONCES = 200_000;

    private final LinkedHashMap<String, Instant> seen;

    NonceRegistry() {
        this(MAX_NONCES);
    }

    NonceRegistry(int maxNonces) {
        this.seen = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxNonces;
            }
        };
    }

    /** Records the nonce; {@code false} when it was already used within the window. */
    synchronized boolean use(String nonce, Instant now) {
        forgetOlderThan(now.minus(WINDOW));
        String key = digest(nonce);
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        return true;
    }

    private static String digest(String nonce) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    synchronized int size() {
        return seen.size();
    }

    synchronized void clear() {
        seen.clear();
    }

    private void forgetOlderThan(Instant oldest) {
        Iterator<Instant> times = seen.values().iterator();
        while (times.hasNext()) {
            if (!times.next().isBefore(oldest)) {
                return;
            }
            times.remove();
        }
    }
}
