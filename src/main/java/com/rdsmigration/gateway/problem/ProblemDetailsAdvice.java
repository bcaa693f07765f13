package com.rdsmigration.gateway.problem;

import com.rdsmigration.gateway.logging.CorrelationId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error into an RFC 9457 problem with a stable {@code type}, a human {@code title} and the request path
 * as {@code instance}. Framework messages that could echo caller input or internals are replaced by our own words.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail body = problem(ex.problemType(), ex.getMessage(), request);
        ex.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (ex.retryAfter() != null) {
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
        }
        return ResponseEntity.status(ex.problemType().status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /**
     * The database is the gate of every mutation: when it cannot be reached, nothing is sent upstream and the caller
     * is told to come back, never given a 500.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Object> handleStoreUnavailable(Exception ex, WebRequest request) {
        log.warn("Store unavailable on {}: {}", path(request), ex.getClass().getSimpleName());
        return handleProblem(
                new ProblemException(
                                ProblemType.STORE_UNAVAILABLE,
                                "The gateway's database is unavailable; nothing was sent upstream. Retry later.")
                        .retryAfter(java.time.Duration.ofSeconds(5)),
                request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> handlePayloadTooLarge(PayloadTooLargeException ex, WebRequest request) {
        return payloadTooLarge(ex, request);
    }

    /**
     * Tomcat parses parameters when they are first read, here while binding: more than
     * {@code server.tomcat.max-parameter-count} of them, or ones it cannot decode, are the caller's error.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleInvalidParameters(InvalidParameterException ex, WebRequest request) {
        if (ex.getErrorCode() == ProblemType.PAYLOAD_TOO_LARGE.status().value()) {
            return handleProblem(
                    new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The request's parameters are too large."),
                    request);
        }
        return handleProblem(
                new ProblemException(
                        ProblemType.MALFORMED_REQUEST,
                        "The request has more parameters than the gateway takes, or parameters it cannot decode."),
                request);
    }

    /** Spring Security's firewall checks some headers only when they are read, which may be here. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
        return handleProblem(
                new ProblemException(
                        ProblemType.MALFORMED_REQUEST,
                        "The request has a header, parameter or path the gateway does not accept."),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (ex instanceof ProblemConvertible convertible) {
            return handleProblem(convertible.toProblem(), request);
        }
        log.error("Unhandled error on {}", path(request), ex);
        ProblemDetail body = problem(
                ProblemType.INTERNAL_ERROR,
                "The gateway failed to handle the request; quote the X-Request-Id when reporting it.",
                request);
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        // A value of the wrong type names its field; broken JSON syntax is malformed as a whole.
        DatabindException json = causeOfType(ex, DatabindException.class);
        String field = json == null ? "" : fieldPath(json.getPath());
        if (!field.isEmpty()) {
            return validationFailed(List.of(new FieldMessage(field, "has the wrong type or format")), request);
        }
        ProblemDetail body = problem(
                ProblemType.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON for this call.",
                request);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        String expected =
                ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return validationFailed(List.of(new FieldMessage(field, "must be a valid " + expected)), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldMessage(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        return validationFailed(errors, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldMessage(
                                result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return validationFailed(errors, request);
    }

    /** Gives every framework-built problem our type, title and instance; keeps its status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemType type = ProblemType.forStatus(status.value());
        String detail = body instanceof ProblemDetail framework && framework.getDetail() != null
                ? framework.getDetail()
                : type.title();
        ProblemDetail problem = problem(type, detail, request);
        problem.setStatus(status.value());
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<Object> validationFailed(List<FieldMessage> errors, WebRequest request) {
        ProblemDetail body = problem(
                ProblemType.VALIDATION_FAILED, "The request has " + errors.size() + " invalid field(s).", request);
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex, WebRequest request) {
        ProblemDetail body = problem(ProblemType.PAYLOAD_TOO_LARGE, ex.getMessage(), request);
        return ResponseEntity.status(ProblemType.PAYLOAD_TOO_LARGE.status())
                .header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static ProblemDetail problem(ProblemType type, @Nullable String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setInstance(instance(path(request)));
        String requestId = CorrelationId.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** The request path as a problem's {@code instance}, even when it holds characters a URI may not. */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        }
    }

    private static String path(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            return servletRequest.getRequestURI();
        }
        return "/";
    }

    /** {@code source.port} or {@code databases[2]} from Jackson's path of references. */
    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** One entry of a validation problem's {@code errors}. */
    record FieldMessage(String field, String message) {}
}
