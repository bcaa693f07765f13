package com.rdsmigration.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signature nonces seen within the longest timestamp window (V1's 31 minutes): a nonce used again within it is a
 * replay. Memory stays bounded: nonces older than the window are forgotten on every use, and beyond
 * {@value #MAX_NONCES} the oldest go first.
 */
final class NonceRegistry {

    static final Duration WINDOW = Duration.ofMinutes(31);
    static final int MAX_NONCES = 200_000;

    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_NONCES;
        }
    };

    /** Records the nonce; {@code false} when it was already used within the window. */
    synchronized boolean use(String nonce, Instant now) {
        forgetOlderThan(now.minus(WINDOW));
        if (seen.containsKey(nonce)) {
            return false;
        }
        seen.put(nonce, now);
        return true;
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
