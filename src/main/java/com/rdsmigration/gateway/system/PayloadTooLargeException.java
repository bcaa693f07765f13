package com.rdsmigration.gateway.system;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
final class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limitBytes) {
        super("The request body exceeds the limit of " + limitBytes + " bytes.");
    }
}
