/**
 * RFC 9457 problem answers: the problem types every module throws (`ProblemType`, `ProblemException`), and the
 * advice, error controller and Tomcat valve that turn every failure, even one before Spring MVC, into one.
 */
@NullMarked
@ApplicationModule(displayName = "Problems")
package com.rdsmigration.gateway.problem;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
