package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.logging.SecretMasking;
import com.rdsmigration.gateway.rds.signing.PercentEncoding;
import com.rdsmigration.gateway.rds.wire.ErrorBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Turns upstream failures into {@link RdsException}s: classified by the upstream {@code Code} first (throttling can
 * come back as a 400, a wrong instance state as a 500), by HTTP status only when no known code decides it.
 */
final class RdsErrors {

    private static final Set<String> TRANSIENT_CODES =
            Set.of("ServiceUnavailable", "InternalError", "SystemBusy", "ServiceTimeout", "UnknownError");
    private static final Set<String> NON_TRANSIENT_PREFIXES = Set.of(
            "Invalid",
            "Incorrect",
            "Missing",
            "OperationDenied",
            "Forbidden",
            "Signature",
            "IncompleteSignature",
            "IllegalTimestamp",
            "Unsupported",
            "InsufficientBalance",
            "ActionUnauthorized",
            "IdempotentParameterMismatch");
    private static final Pattern STRING_TO_SIGN = Pattern.compile("(?i)(server\\s*)?string\\s*to\\s*sign");
    private static final String SIGNATURE_REFUSED =
            "The request's signature was not accepted (the upstream's message, which echoes what was signed, is withheld).";
    private static final int MAX_MESSAGE_LENGTH = 500;

    private RdsErrors() {}

    static boolean isTransient(@Nullable String code, int httpStatus) {
        if (code != null) {
            if (code.startsWith("Throttling") || TRANSIENT_CODES.contains(code) || code.startsWith("InternalError")) {
                return true;
            }
            if (NON_TRANSIENT_PREFIXES.stream().anyMatch(code::startsWith)) {
                return false;
            }
        }
        return httpStatus >= 500 || httpStatus == 429;
    }

    /** An error answer of the upstream. */
    static RdsException fromAnswer(
            String action, int httpStatus, @Nullable ErrorBody body, Collection<String> secrets) {
        String code = body != null ? body.code() : null;
        String requestId = body != null ? body.requestId() : null;
        String message = isSignatureRefusal(code)
                ? SIGNATURE_REFUSED
                : sanitize(body != null ? body.message() : null, httpStatus, secrets);
        if (isTransient(code, httpStatus)) {
            return code != null && code.startsWith("Throttling")
                    ? TransientRdsException.throttled(action, httpStatus, code, requestId, message)
                    : TransientRdsException.failedAnswer(action, httpStatus, code, requestId, message);
        }
        return new NonTransientRdsException(action, httpStatus, code, requestId, message, null);
    }

    /**
     * A refused signature: the upstream's {@code Message} then holds its string to sign, every parameter of the call
     * (the source password among them) in a form no mask of the plain value would catch, so none of it is kept.
     */
    static boolean isSignatureRefusal(@Nullable String code) {
        return code != null && (code.startsWith("Signature") || code.startsWith("IncompleteSignature"));
    }

    /**
     * A call that got no answer. A refused or unroutable connection means the request never left; anything else
     * (a timeout, a reset) leaves the outcome unknown.
     */
    static TransientRdsException fromIo(String action, IOException failure) {
        boolean neverSent = failure instanceof ConnectException
                || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException;
        String message = (neverSent ? "no connection to the upstream: " : "no answer from the upstream: ")
                + failure.getClass().getSimpleName();
        return neverSent
                ? TransientRdsException.notSent(action, message, failure)
                : TransientRdsException.noAnswer(action, message, failure);
    }

    /**
     * The upstream's message without what must not leave: a string to sign (it holds every parameter), any secret of
     * the request, plain or percent-encoded, anything {@link SecretMasking} recognises, and excess length.
     */
    static String sanitize(@Nullable String message, int httpStatus, Collection<String> secrets) {
        if (message == null || message.isBlank()) {
            return "HTTP " + httpStatus + " without an error message";
        }
        String safe = message;
        Matcher marker = STRING_TO_SIGN.matcher(safe);
        if (marker.find()) {
            safe = safe.substring(0, marker.start()).strip();
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                String encoded = PercentEncoding.encode(secret);
                safe = safe.replace(PercentEncoding.encode(encoded), SecretMasking.MASK)
                        .replace(encoded, SecretMasking.MASK)
                        .replace(secret, SecretMasking.MASK);
            }
        }
        safe = SecretMasking.mask(safe);
        return safe.length() > MAX_MESSAGE_LENGTH ? safe.substring(0, MAX_MESSAGE_LENGTH) + "..." : safe;
    }
}
