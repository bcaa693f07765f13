package com.rdsmigration.gateway.cloudmigration;

import java.security.SecureRandom;

/** Task names and instance ids of the cloud-migration API. */
public final class TaskNames {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit";
    public static final String PG_INSTANCE_ID = "^pgm-[a-z0-9][a-z0-9-]{2,59}$";
    public static final String PG_INSTANCE_ID_MESSAGE =
            "must be an RDS PostgreSQL instance id such as pgm-bp102g323jd4xxxx";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private TaskNames() {}

    /** A name the gateway chooses, so that it can find the task upstream by name if an answer is lost. */
    public static String generate() {
        StringBuilder name = new StringBuilder("gw-");
        for (int i = 0; i < 16; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return name.toString();
    }
}
