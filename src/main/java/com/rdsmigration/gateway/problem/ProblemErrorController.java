package com.rdsmigration.gateway.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The container's error page: what a request that failed outside Spring MVC (a filter, the firewall, the container's
 * own checks) is forwarded to. Answers a problem like every other error, in place of Spring Boot's JSON or HTML error
 * page; a request the container or firewall refused as malformed is a 400, not a 500.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        if (status >= 500 && isMalformedRequest(failure)) {
            status = 400;
        }
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        ProblemDetail problem = ProblemDetailsAdvice.problem(
                type,
                status >= 500
                        ? "The gateway failed to handle the request; quote the X-Request-Id when reporting it."
                        : type.title(),
                new ServletWebRequest(request));
        problem.setStatus(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(ProblemDetailsAdvice.instance(path));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean isMalformedRequest(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRejectedException || cause instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }
}
