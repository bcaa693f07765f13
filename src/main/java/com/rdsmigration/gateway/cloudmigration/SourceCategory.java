package com.rdsmigration.gateway.cloudmigration;

import java.util.Set;

/** Where the source PostgreSQL runs, as the upstream's SourceCategory names it. */
final class SourceCategory {

    static final Set<String> ALLOWED = Set.of("ecsOnVpc", "idcOnVpc", "internet", "aliyunRDS", "other");

    private SourceCategory() {}
}
