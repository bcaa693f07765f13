package com.rdsmigration.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the gateway answers with. Each has a stable {@code type} URI that clients may switch on;
 * the slug never changes once published.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    INSTANCE_NOT_OWNED("instance-not-owned", HttpStatus.FORBIDDEN, "Instance not owned by your team"),
    SELF_APPROVAL("self-approval", HttpStatus.FORBIDDEN, "Approval by its creator"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    UPSTREAM_ERROR("upstream-error", HttpStatus.BAD_GATEWAY, "Upstream error"),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Upstream unavailable"),
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable"),
    OWNERSHIP_UNKNOWN("ownership-unknown", HttpStatus.SERVICE_UNAVAILABLE, "Instance ownership cannot be checked now");

    private static final String TYPE_PREFIX = "urn:rds-migration-gateway:problem:";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(TYPE_PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type that fits a status when no more specific one applies. */
    static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status
                    && candidate != VALIDATION_FAILED
                    && candidate != STORE_UNAVAILABLE
                    && candidate != INSTANCE_NOT_OWNED
                    && candidate != OWNERSHIP_UNKNOWN) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
