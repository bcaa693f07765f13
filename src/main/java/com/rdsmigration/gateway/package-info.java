/**
 * Root of the gateway. Each sub-package is one feature module (see {@code ModularityTests}).
 */
@NullMarked
package com.rdsmigration.gateway;

import org.jspecify.annotations.NullMarked;
