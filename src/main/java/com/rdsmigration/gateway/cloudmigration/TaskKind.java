package com.rdsmigration.gateway.cloudmigration;

/** The two kinds of cloud-migration task. */
enum TaskKind {
    PRECHECK,
    MIGRATION
}
