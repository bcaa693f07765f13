/**
 * Which team owns which upstream instance ({@code gateway.teams.<team>.instances} and {@code resource-groups}), checked
 * before anything goes upstream: every instance a call names, source and target, must be the caller's team's (admins
 * may name any). A refusal answers 403 {@code instance-not-owned}, sends nothing and stores nothing but an audit
 * event with outcome {@code REFUSED}. An instance's resource group is learned with {@code DescribeDBInstanceAttribute},
 * once per instance and cache period however many requests name it at once.
 */
@NullMarked
@ApplicationModule(displayName = "Instance ownership")
package com.rdsmigration.gateway.ownership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
