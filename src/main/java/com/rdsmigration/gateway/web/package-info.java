/**
 * The web layer's shared pieces: request sanity and size limits, security headers, list parameters and pages, and
 * the field limits the API validates and documents.
 */
@NullMarked
@ApplicationModule(displayName = "Web")
package com.rdsmigration.gateway.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
