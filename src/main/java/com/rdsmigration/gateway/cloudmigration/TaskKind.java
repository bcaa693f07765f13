package com.rdsmigration.gateway.cloudmigration;

/** The two kinds of cloud-migration task. */
public enum TaskKind {
    PRECHECK,
    MIGRATION
}
