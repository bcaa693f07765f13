package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.ErrorBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one RPC request, independent of the servlet API: authenticate, then the parameters' lengths, then
 * throttling, then the injected error, then the action. Every answer is logged as a call; a success may be held back by the faults.
 */
final class RpcEndpoint {

    static final String HOST_ID = "rds.aliyuncs.com";
    private static final int MAX_LOGGED_ACTION = 100;
    private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);

    /** The answer: status, a JSON-serialisable body, how long to hold it back, and what ends the hold early. */
    record Answer(int httpStatus, Object body, String requestId, Duration hold, CountDownLatch release) {

        Answer(int httpStatus, Object body, String requestId) {
            this(httpStatus, body, requestId, Duration.ZERO, new CountDownLatch(0));
        }
    }

    private final Authenticator authenticator;
    private final FaultInjector faults;
    private final ActionDispatcher actions;
    private final CallLog calls;
    private final ParameterLimits limits;
    private final Clock clock;

    RpcEndpoint(
            Authenticator authenticator,
            FaultInjector faults,
            ActionDispatcher actions,
            CallLog calls,
            ParameterLimits limits,
            Clock clock) {
        this.authenticator = authenticator;
        this.limits = limits;
        this.faults = faults;
        this.actions = actions;
        this.calls = calls;
        this.clock = clock;
    }

    /** Holds an answer back as its faults say; clearing the faults lets it go. */
    void hold(Answer answer) {
        FaultInjector.hold(answer.hold(), answer.release());
    }

    Answer handle(RpcHttpRequest request) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        String arrivedAt = Instant.now().toString();
        AuthMode mode = Authenticator.detect(request);
        String action = mode.action(request);
        Answer answer;
        try {
            mode = authenticator.authenticate(request);
            action = mode.action(request);
            limits.check(request.parameters());
            faults.beforeAction(action);
            ActionCall call = new ActionCall(requestId, request.parameters(), now);
            Object body = actions.dispatch(action, mode.version(request), call);
            CountDownLatch release = faults.releaseSignal();
            answer = new Answer(200, body, requestId, faults.holdAfterAction(action), release);
        } catch (RdsError error) {
            answer = error(error, requestId);
        } catch (RuntimeException unexpected) {
            log.error("RDS simulator failed on {}", action, unexpected);
            answer = error(RdsError.internalError(), requestId);
        }
        calls.record(new CallLog.Call(
                now.toString(), arrivedAt, truncated(action), mode, answer.httpStatus(), code(answer), requestId));
        return answer;
    }

    /** Answers a request that could not even be read (a malformed query or body), and logs it. */
    Answer refuse(RdsError error) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Answer answer = error(error, requestId);
        calls.record(new CallLog.Call(
                clock.instant().toString(),
                Instant.now().toString(),
                null,
                AuthMode.NONE,
                answer.httpStatus(),
                error.code(),
                requestId));
        return answer;
    }

    static Answer error(RdsError error, String requestId) {
        ErrorBody body = new ErrorBody(
                requestId,
                HOST_ID,
                error.code(),
                error.getMessage(),
                "https://api.aliyun.com/troubleshoot?q=" + error.code() + "&product=Rds&requestId=" + requestId);
        return new Answer(error.httpStatus(), body, requestId);
    }

    private static @Nullable String code(Answer answer) {
        return answer.body() instanceof ErrorBody error ? error.code() : null;
    }

    private static @Nullable String truncated(@Nullable String action) {
        return action == null || action.length() <= MAX_LOGGED_ACTION ? action : action.substring(0, MAX_LOGGED_ACTION);
    }
}
