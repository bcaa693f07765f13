package com.rdsmigration.gateway.guided;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a source password for the time a guided migration needs it (until its migration is created upstream):
 * AES-256-GCM under {@code gateway.guided.source-password-key}, a fresh 96-bit nonce each time, the guided migration's
 * id as associated data so that a sealed password cannot be moved to another row. A password that does not open (a
 * changed key, a tampered row) is refused, never guessed.
 */
final class SourcePasswords {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SourcePasswords(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("gateway.guided.source-password-key must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] seal(UUID owner, String password) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, owner, nonce, password.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    String open(UUID owner, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("The sealed source password of " + owner + " is damaged");
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(run(Cipher.DECRYPT_MODE, owner, nonce, body), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, UUID owner, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Never the password, never the key: only that it does not open.
            throw new IllegalStateException(
                    "The sealed source password of " + owner + " cannot be opened with"
                            + " gateway.guided.source-password-key (was the key changed?)",
                    null);
        }
    }
}
