/**
 * The application's clock, its scheduling, the reconcilers' settings and the order of the servlet filters, which every
 * module's filter takes its place from.
 */
@NullMarked
@ApplicationModule(displayName = "System")
package com.rdsmigration.gateway.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
