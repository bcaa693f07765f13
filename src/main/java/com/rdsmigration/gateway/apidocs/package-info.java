/**
 * The OpenAPI description served at `/v3/api-docs`: what the API is, how callers authenticate, each operation's
 * problems and headers, and the bounds and nullability of every field, read from the code.
 */
@NullMarked
@ApplicationModule(displayName = "API description")
package com.rdsmigration.gateway.apidocs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
