/**
 * Change notifications by webhook: a team registers a URL for one precheck or migration, or for every task of the
 * team ({@code /api/v1/webhooks}), and each {@link com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged} is
 * POSTed to it once, signed with a secret of the subscription as Standard Webhooks say (so receivers verify it with
 * an off-the-shelf library), retried with backoff until the receiver answers 2xx.
 *
 * <p>Deliveries go through an outbox: the listener writes one row per change and matching subscription in the
 * transaction that records the change, and a worker on every replica sends the due rows, claiming them with
 * {@code select ... for update skip locked} so that no two replicas send a row at once. Teams share the senders
 * fairly: claims take due rows in turns across teams, and one team holds only a few of a replica's sending slots, so
 * one team's hanging receivers never delay another team's deliveries. URLs must name an allow-listed
 * host and, unless that exact host is listed, resolve to public addresses only, checked again when connecting, so the
 * gateway cannot be pointed at its own network. This module depends on the change event, not on how changes are made.
 */
@NullMarked
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"system", "security", "cloudmigration", "guided", "logging", "problem", "settings", "web"
        })
package com.rdsmigration.gateway.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
