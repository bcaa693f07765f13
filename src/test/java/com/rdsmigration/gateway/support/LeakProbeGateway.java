package com.rdsmigration.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole gateway ({@link IntegrationTest}) that logs everything, the root at DEBUG and HttpClient and Spring's web
 * layer at TRACE, and whose upstream credentials are used nowhere else: the client signs with, and the simulator
 * accepts, the access key secret, security token and bearer token below, so that a search of the output for them
 * finds leaks and nothing else. The output is captured. Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@TestPropertySource(
        properties = {
            "logging.level.root=DEBUG",
            "logging.level.org.apache.hc.client5.http=TRACE",
            "logging.level.org.springframework.web=TRACE",
            "rds.simulator.access-key-secret=" + LeakProbeGateway.ACCESS_KEY_SECRET,
            "rds.simulator.security-token=" + LeakProbeGateway.SECURITY_TOKEN,
            "rds.simulator.bearer-token=" + LeakProbeGateway.BEARER_TOKEN,
            "rds.auth.access-key-secret=" + LeakProbeGateway.ACCESS_KEY_SECRET,
            "rds.auth.security-token=" + LeakProbeGateway.SECURITY_TOKEN,
            "rds.auth.bearer-token=" + LeakProbeGateway.BEARER_TOKEN
        })
@ExtendWith({OutputCaptureExtension.class, DebugLogging.class})
public @interface LeakProbeGateway {

    String ACCESS_KEY_SECRET = "LeakProbe-AccessKeySecret-4f7d1c9e";

    /** With characters that percent-encoding changes, as an STS token has. */
    String SECURITY_TOKEN = "LeakProbe-SecurityToken/4f7d+1c9e==";

    String BEARER_TOKEN = "LeakProbe-BearerToken-93b2e6a1";
}
