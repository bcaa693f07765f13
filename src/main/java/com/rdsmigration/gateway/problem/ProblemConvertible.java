package com.rdsmigration.gateway.problem;

/**
 * An exception of another module that knows which problem it is. The problem advice renders it, so modules can
 * describe their failures without the system module depending on them.
 */
public interface ProblemConvertible {

    ProblemException toProblem();
}
