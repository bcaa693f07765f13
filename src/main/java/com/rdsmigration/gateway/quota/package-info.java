/**
 * Quotas of the cloud account: the upstream's daily task limit, enforced before a create goes upstream with a counter
 * in the shared database (so that replicas together never admit more), and the usage shown at {@code /api/v1/quota}.
 */
@NullMarked
@ApplicationModule(displayName = "Quota")
package com.rdsmigration.gateway.quota;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
