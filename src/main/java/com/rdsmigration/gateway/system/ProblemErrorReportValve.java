package com.rdsmigration.gateway.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on an error that never reached the application (a request target with characters it refuses, an
 * encoded slash, a header too large): a problem in JSON rather than Tomcat's HTML page. Only the status and its title
 * go out; nothing of the request is echoed.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** The title of a status no problem type has. */
    static final String REFUSED = "Request refused";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String title = status == type.status().value() ? type.title() : REFUSED;
        String body = "{\"type\":\"" + type.type() + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The server refused the request before reading it: check the request line and headers."
                + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone or the answer started; nothing more can be said.
        }
    }
}
