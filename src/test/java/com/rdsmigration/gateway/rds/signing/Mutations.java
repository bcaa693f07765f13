package com.rdsmigration.gateway.rds.signing;

/** Single-byte changes of known-answer inputs. */
final class Mutations {

    private Mutations() {}

    /** The string with its last character's lowest bit flipped (an empty string becomes "x"). */
    static String flipLastByte(String value) {
        if (value.isEmpty()) {
            return "x";
        }
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (char) (last ^ 1);
    }
}
