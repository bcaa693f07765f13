package com.rdsmigration.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks an API key up by its SHA-256. Every configured hash is compared, each in constant time, so the time taken
 * says nothing about which key (or how much of one) matched.
 */
final class ApiKeyRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

    /** SHA-256 of the default profile's demo keys, which must never guard anything real. */
    static final List<String> DEMO_KEY_HASHES = List.of(
            "5d524266101ae10aef5113491d52f013fbe81eb0f489fb0adf8c819196de8307",
            "1d0767a44a34fe14361b0d4a41a13f3eb6019838841499433dee346c6b99b7f9",
            "2f77196b4e44af551e6d0e0bafaae1b714f4aa5edece1a3eb1f8e4a8be4db867",
            "ac5bb3526d3be432ba19fb1fc0712d350c160bd2169cd24401c9fcaeaac2d860");

    private final List<Entry> entries;

    ApiKeyRegistry(List<SecurityProperties.ApiKey> keys) {
        this.entries = keys.stream()
                .map(key -> new Entry(HexFormat.of().parseHex(key.keySha256().toLowerCase()), key))
                .toList();
        if (keys.stream()
                .anyMatch(key -> DEMO_KEY_HASHES.contains(key.keySha256().toLowerCase()))) {
            // Named by their teams, not spelled out: no API key, not even a public one, is ever logged.
            log.warn("*** DEMO API KEYS ARE ACTIVE (the README's demo keys of team-a, team-b and the platform"
                    + " admins). They are public and for local trials only: configure gateway.security.api-keys"
                    + " before real use. ***");
        }
    }

    Optional<Caller> find(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        SecurityProperties.ApiKey match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match).map(key -> new Caller(key.team(), key.admin(), key.displayName()));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(byte[] hash, SecurityProperties.ApiKey key) {}
}
