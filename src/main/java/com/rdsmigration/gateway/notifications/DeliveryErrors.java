package com.rdsmigration.gateway.notifications;

import java.io.IOException;

/**
 * The few words a team is shown as a delivery's {@code error}. A team chooses its webhook's host and port, and an
 * exactly allow-listed host may be an internal one: an error that told "connection refused" from "timed out", "no route
 * to host" or a failed TLS handshake would let anyone who may register a webhook map that host's open ports. So every
 * attempt that got no HTTP answer reads {@link #NO_ANSWER}; a receiver that answered is shown its status; the
 * exception itself goes to the server's log only.
 */
final class DeliveryErrors {

    /** The URL itself is no longer acceptable (say {@code http} after {@code allow-http} was turned off). */
    static final String URL_NOT_ALLOWED = "refused: URL not allowed";

    /** The host is not, or no longer, on {@code gateway.webhooks.allowed-hosts}. */
    static final String HOST_NOT_ALLOWED = "refused: host not allowed";

    /** The host resolves to an address a webhook must not reach ({@link AddressRanges}). */
    static final String ADDRESS_NOT_ALLOWED = "refused: address not allowed";

    /** The host's name does not resolve: a fact of DNS that anyone can query, not of the port. */
    static final String HOST_NOT_FOUND = "host not found";

    /** No HTTP answer, for whatever reason: refused, reset, timed out, unreachable, TLS failed. */
    static final String NO_ANSWER = "no answer";

    private DeliveryErrors() {}

    /** The error of a receiver that answered with a status other than 2xx. */
    static String httpStatus(int status) {
        return "HTTP " + status;
    }

    /** The error shown for an attempt that failed without an HTTP answer. */
    static String describe(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebhookUrlPolicy.RefusedHostException refused) {
                return refused.error();
            }
        }
        return NO_ANSWER;
    }
}
