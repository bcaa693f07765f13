package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;

/** Where the AccessKey pair of each attempt comes from; asked again on every attempt so rotated keys take effect. */
@FunctionalInterface
interface AccessKeySource {

    AccessKeyCredentials current();

    /** The cloud account the keys bill to, for quotas: their AccessKeyId unless the source knows better. */
    default String account() {
        return current().accessKeyId();
    }
}
