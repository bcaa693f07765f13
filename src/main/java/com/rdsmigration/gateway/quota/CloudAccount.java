package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAccount;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The cloud account whose quotas and usage are kept: {@code gateway.quota.account} when set, else the identity the
 * upstream client calls under. Replicas with the same credentials share the same counters.
 */
@Component
class CloudAccount {

    private final QuotaProperties properties;
    private final UpstreamAccount upstream;

    CloudAccount(QuotaProperties properties, UpstreamAccount upstream) {
        this.properties = properties;
        this.upstream = upstream;
    }

    String id() {
        String configured = properties.account();
        return StringUtils.hasText(configured) ? configured.trim() : upstream.id();
    }
}
